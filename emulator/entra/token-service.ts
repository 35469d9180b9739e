import type { EmulatorState } from "../state";
import { transitiveGroups } from "../directory";
import { accessTokenClaims, idTokenClaims, type ClaimContext, type TokenSubject } from "./claims";
import { checkClaims, signJwt, type TokenCheck, type TokenClaims, verifyJwt } from "./jwt";
import type { SigningKey } from "./signing-key";

/** Issues and validates the tenant's tokens; the token endpoint, the test helper and the resource servers share it. */
export type TokenServiceOptions = {
  key: SigningKey;
  state: () => EmulatorState;
  /** The emulator's base URL, known once it listens. */
  baseUrl: () => string;
  groupsOverageLimit: number;
  lifetimeSeconds?: number;
};

export type TokenService = ReturnType<typeof createTokenService>;

export function createTokenService(options: TokenServiceOptions) {
  const lifetime = options.lifetimeSeconds ?? 3599;
  const issuer = () => `${options.baseUrl()}/${options.state().tenantId}/v2.0`;
  const now = () => Math.floor(Date.now() / 1000);

  function context(objectId: string, audience: string, clientId: string, lifetimeSeconds: number): ClaimContext {
    const state = options.state();
    return {
      issuer: issuer(), tenantId: state.tenantId, audience, clientId, nowSeconds: now(), lifetimeSeconds,
      groupIds: transitiveGroups(state, objectId).filter((group) => group.securityEnabled).map((group) => group.id),
      groupsOverageLimit: options.groupsOverageLimit, graphUrl: "https://graph.microsoft.com",
    };
  }

  // Tokens whose signature verified, with their claims: an API server caches token authentication
  // too (kube-apiserver's token cache), and a sync presents the same token to thousands of clusters.
  // Claims (expiry, audience, issuer) are still judged on every request.
  const verifiedSignatures = new Map<string, TokenClaims>();
  const verifiedSignaturesKept = 1_000;

  const objectIdOf = (subject: TokenSubject) => (subject.kind === "user" ? subject.user.id : subject.servicePrincipal.id);

  return {
    issuer,
    lifetimeSeconds: lifetime,
    accessToken(subject: TokenSubject, audience: string, clientId: string, delegatedScopes: string[], lifetimeSeconds = lifetime): Promise<string> {
      return signJwt(accessTokenClaims(subject, delegatedScopes, context(objectIdOf(subject), audience, clientId, lifetimeSeconds)), options.key);
    },
    idToken(subject: Extract<TokenSubject, { kind: "user" }>, clientId: string, nonce: string | undefined): Promise<string> {
      return signJwt(idTokenClaims(subject.user, nonce, context(subject.user.id, clientId, clientId, lifetime)), options.key);
    },
    async verify(token: string, acceptedAudiences: readonly string[]): Promise<TokenCheck> {
      const expectations = { audiences: acceptedAudiences, issuer: issuer(), nowSeconds: now() };
      const known = verifiedSignatures.get(token);
      if (known) return checkClaims(known, expectations);
      const check = await verifyJwt(token, options.key.publicKey, expectations);
      if (check.claims && (check.ok || check.reason !== "signature")) {
        if (verifiedSignatures.size >= verifiedSignaturesKept) verifiedSignatures.delete(verifiedSignatures.keys().next().value ?? "");
        verifiedSignatures.set(token, check.claims);
      }
      return check;
    },
  };
}
