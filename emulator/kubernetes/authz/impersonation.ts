import type { IncomingHttpHeaders } from "node:http";
import { badRequest, forbidden } from "../status";
import type { AccessAttributes, Requester } from "./attributes";
import { forbiddenMessage } from "./forbidden-message";
import type { Decision } from "./authorizer";

type Headers = Record<string, string[] | undefined>;

const attributes = (resource: string, name: string, extra: Partial<AccessAttributes> = {}): AccessAttributes => ({
  verb: "impersonate",
  resourceRequest: true,
  apiGroup: "",
  resource,
  subresource: "",
  namespace: "",
  name,
  path: "",
  ...extra,
});

/** `system:serviceaccount:{namespace}:{name}` is checked against `serviceaccounts`, as the real filter does. */
function userAttributes(user: string): AccessAttributes {
  const serviceAccount = /^system:serviceaccount:([^:]+):([^:]+)$/.exec(user);
  if (serviceAccount) return attributes("serviceaccounts", serviceAccount[2] ?? "", { namespace: serviceAccount[1] ?? "" });
  return attributes("users", user);
}

function extras(headers: Headers): Record<string, string[]> {
  const result: Record<string, string[]> = {};
  for (const [header, values] of Object.entries(headers)) {
    if (header.startsWith("impersonate-extra-") && values) result[decodeURIComponent(header.slice("impersonate-extra-".length))] = values;
  }
  return result;
}

/**
 * The impersonation filter (k8s.io/apiserver/pkg/endpoints/filters/impersonation.go): every
 * `Impersonate-User`, `-Group`, `-Uid` and `-Extra-*` value needs the `impersonate` verb on users
 * (or serviceaccounts), groups, uids or userextras for the real caller (a guard data action such as
 * `users/impersonate/action` on Azure RBAC clusters); then the request is the impersonated user's.
 */
export function impersonatedRequester(actor: Requester, headers: IncomingHttpHeaders, headersDistinct: Headers, decide: (attributes: AccessAttributes) => Decision): Requester {
  const user = headersDistinct["impersonate-user"]?.[0];
  const groups = headersDistinct["impersonate-group"] ?? [];
  const uid = headersDistinct["impersonate-uid"]?.[0];
  const extra = extras(headersDistinct);
  if (user === undefined) {
    if (groups.length > 0 || uid !== undefined || Object.keys(extra).length > 0 || headers["impersonate-user"] !== undefined) {
      throw badRequest("requested impersonation of groups, a uid or extra fields without impersonating a user");
    }
    return actor;
  }
  const checks = [
    userAttributes(user),
    ...groups.map((group) => attributes("groups", group)),
    ...(uid !== undefined ? [attributes("uids", uid, { apiGroup: "authentication.k8s.io" })] : []),
    ...Object.entries(extra).flatMap(([key, values]) => values.map((value) => attributes("userextras", value, { apiGroup: "authentication.k8s.io", subresource: key }))),
  ];
  for (const check of checks) {
    const decision = decide(check);
    if (!decision.allowed) throw forbidden({ group: check.apiGroup, resource: check.resource }, check.name, forbiddenMessage(actor.name, check, decision.reason));
  }
  const serviceAccount = /^system:serviceaccount:([^:]+):/.exec(user);
  const impliedGroups = groups.length === 0 && serviceAccount ? ["system:serviceaccounts", `system:serviceaccounts:${serviceAccount[1] ?? ""}`] : [];
  const allGroups = [...groups, ...impliedGroups];
  if (!allGroups.includes("system:authenticated")) allGroups.push("system:authenticated");
  // Guard finds Azure role assignments by the `oid` extra; without it the uid, then the name, stand in.
  const principal = extra.oid?.[0] ?? uid ?? user;
  return {
    name: user,
    groups: allGroups,
    principalIds: [principal, ...allGroups.filter((group) => !group.startsWith("system:"))],
    ...(uid !== undefined ? { uid } : {}),
    ...(Object.keys(extra).length > 0 ? { extra } : {}),
  };
}
