import "server-only";
/** The ID token claims Clusterdesk reads (Entra ID v2; see the id-token claims reference). */
export type IdTokenClaims = {
  oid?: unknown;
  tid?: unknown;
  name?: unknown;
  preferred_username?: unknown;
  groups?: unknown;
  /** Groups overage: more groups than fit in a token; membership must come from Graph. */
  _claim_names?: { groups?: unknown } | unknown;
  hasgroups?: unknown;
};

export type SignedInIdentity = {
  objectId: string;
  tenantId: string;
  displayName: string;
  userPrincipalName: string;
  groupIds: string[];
  groupsOverage: boolean;
};

const text = (value: unknown) => (typeof value === "string" && value.length > 0 ? value : undefined);

/** Validates the claims Clusterdesk relies on; a token from another tenant is refused. */
export function identityFromClaims(claims: IdTokenClaims, expectedTenantId: string): { ok: true; value: SignedInIdentity } | { ok: false; reason: string } {
  const objectId = text(claims.oid);
  const tenantId = text(claims.tid);
  if (!objectId || !tenantId) return { ok: false, reason: "ID token lacks oid or tid" };
  if (tenantId.toLowerCase() !== expectedTenantId.toLowerCase()) return { ok: false, reason: `ID token is from tenant ${tenantId}, not the configured tenant` };
  const names = claims._claim_names;
  const groupsOverage =
    claims.hasgroups === true || (typeof names === "object" && names !== null && "groups" in names && (names as { groups?: unknown }).groups !== undefined);
  const groupIds = Array.isArray(claims.groups) ? claims.groups.filter((id): id is string => typeof id === "string") : [];
  const userPrincipalName = text(claims.preferred_username) ?? objectId;
  return {
    ok: true,
    value: { objectId, tenantId, displayName: text(claims.name) ?? userPrincipalName, userPrincipalName, groupIds, groupsOverage },
  };
}
