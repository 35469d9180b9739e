import type { EntraIdentity } from "../../contracts";

/** authorizer.Attributes: what every authorization decision is about. */
export type AccessAttributes = {
  verb: string;
  resourceRequest: boolean;
  apiGroup: string;
  resource: string;
  subresource: string;
  namespace: string;
  name: string;
  /** For non-resource requests (`/version`, `/apis`). */
  path: string;
};

/** Who is asking, in the shapes both authorizers need. */
export type Requester = {
  /** The Kubernetes user name: what `User` subjects and denial messages name. */
  name: string;
  /** Kubernetes groups: the Entra group object ids plus `system:authenticated`. */
  groups: string[];
  /** What Azure role assignments are looked up for: the object id and its group object ids. */
  principalIds: string[];
  /** What `kubectl auth whoami` shows besides name and groups. */
  uid?: string;
  extra?: Record<string, string[]>;
};

/**
 * AKS's guard webhook names Entra users by their UPN and service principals by their object id
 * (https://learn.microsoft.com/azure/aks/azure-ad-rbac: RoleBinding `User` subjects take the UPN,
 * `Group` subjects the group object id), and adds every caller to `system:authenticated`.
 */
export function requesterOf(identity: EntraIdentity): Requester {
  const name = identity.kind === "user" && identity.userPrincipalName ? identity.userPrincipalName : identity.objectId;
  return {
    name,
    groups: [...identity.groups, "system:authenticated"],
    principalIds: [identity.objectId, ...identity.groups],
    // Guard hands the object id on as the `oid` extra (what it looks Azure role assignments up by).
    extra: { oid: [identity.objectId] },
  };
}
