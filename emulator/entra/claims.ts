import { createHash, randomUUID } from "node:crypto";
import type { DirectoryUser, ServicePrincipal } from "../state";
import type { TokenClaims } from "./jwt";

/**
 * Entra v2 claim sets (MicrosoftDocs/entra-docs id-token-claims-reference and access-token-claims-reference).
 * Pure: the caller supplies time, groups and identifiers.
 */
export type TokenSubject = { kind: "user"; user: DirectoryUser } | { kind: "app"; servicePrincipal: ServicePrincipal };

export type ClaimContext = {
  issuer: string;
  tenantId: string;
  audience: string;
  clientId: string;
  nowSeconds: number;
  lifetimeSeconds: number;
  groupIds: string[];
  groupsOverageLimit: number;
  graphUrl: string;
};

/** `sub` is pairwise: the same user has a different subject in each app. */
export function pairwiseSubject(objectId: string, clientId: string): string {
  return createHash("sha256").update(`${objectId}|${clientId}`).digest("base64url").slice(0, 43);
}

function timing(context: ClaimContext): TokenClaims {
  return { iat: context.nowSeconds, nbf: context.nowSeconds, exp: context.nowSeconds + context.lifetimeSeconds };
}

/** Over the limit, Entra replaces `groups` with a pointer to Graph's getMemberObjects (the overage claim). */
export function groupClaims(objectId: string, context: ClaimContext): TokenClaims {
  if (context.groupIds.length <= context.groupsOverageLimit) return context.groupIds.length > 0 ? { groups: context.groupIds } : {};
  return {
    _claim_names: { groups: "src1" },
    _claim_sources: { src1: { endpoint: `${context.graphUrl}/v1.0/users/${objectId}/getMemberObjects` } },
  };
}

export function accessTokenClaims(subject: TokenSubject, delegatedScopes: string[], context: ClaimContext): TokenClaims {
  const common = { aud: context.audience, iss: context.issuer, tid: context.tenantId, ver: "2.0", uti: randomUUID().replace(/-/g, ""), azp: context.clientId, azpacr: "1", ...timing(context) };
  if (subject.kind === "app") {
    const sp = subject.servicePrincipal;
    return {
      ...common, oid: sp.id, sub: sp.id, idtyp: "app", appid: sp.appId,
      ...(sp.appRoles.length > 0 ? { roles: sp.appRoles } : {}), ...groupClaims(sp.id, context),
    };
  }
  const user = subject.user;
  return {
    ...common, oid: user.id, sub: pairwiseSubject(user.id, context.clientId), name: user.displayName,
    preferred_username: user.userPrincipalName, scp: delegatedScopes.join(" "),
    ...(user.appRoles.length > 0 ? { roles: user.appRoles } : {}), ...groupClaims(user.id, context),
  };
}

export function idTokenClaims(user: DirectoryUser, nonce: string | undefined, context: ClaimContext): TokenClaims {
  return {
    aud: context.clientId, iss: context.issuer, tid: context.tenantId, ver: "2.0", ...timing(context),
    oid: user.id, sub: pairwiseSubject(user.id, context.clientId), name: user.displayName,
    preferred_username: user.userPrincipalName, email: user.mail, uti: randomUUID().replace(/-/g, ""),
    ...(nonce ? { nonce } : {}),
    ...(user.appRoles.length > 0 ? { roles: user.appRoles } : {}), ...groupClaims(user.id, context),
  };
}

export function clientInfo(objectId: string, tenantId: string): string {
  return Buffer.from(JSON.stringify({ uid: objectId, utid: tenantId })).toString("base64url");
}
