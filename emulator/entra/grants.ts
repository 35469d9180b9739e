import { createHash, randomBytes } from "node:crypto";

/** Authorization codes (one-time, 10 minutes like Entra) and refresh tokens, held in memory. */
export type AuthorizationCode = {
  clientId: string;
  redirectUri: string;
  codeChallenge: string;
  nonce: string | undefined;
  userId: string;
  scope: string;
  expiresAt: number;
  redeemed: boolean;
};
export type RefreshGrant = { clientId: string; userId: string };

export function createGrantStore() {
  const codes = new Map<string, AuthorizationCode>();
  const refreshTokens = new Map<string, RefreshGrant>();
  const opaque = (prefix: string) => `${prefix}.${randomBytes(32).toString("base64url")}`;
  return {
    issueCode(grant: Omit<AuthorizationCode, "expiresAt" | "redeemed">): string {
      const code = opaque("1.code");
      codes.set(code, { ...grant, expiresAt: Date.now() + 600_000, redeemed: false });
      return code;
    },
    code(code: string): AuthorizationCode | undefined {
      return codes.get(code);
    },
    issueRefreshToken(grant: RefreshGrant): string {
      const token = opaque("1.refresh");
      refreshTokens.set(token, grant);
      return token;
    },
    refreshToken(token: string): RefreshGrant | undefined {
      return refreshTokens.get(token);
    },
    clear(): void {
      codes.clear();
      refreshTokens.clear();
    },
  };
}
export type GrantStore = ReturnType<typeof createGrantStore>;

/** RFC 7636 S256: BASE64URL(SHA256(code_verifier)) must equal the code_challenge. */
export function pkceMatches(codeVerifier: string, codeChallenge: string): boolean {
  return createHash("sha256").update(codeVerifier).digest("base64url") === codeChallenge;
}
