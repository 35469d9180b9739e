import { compactVerify, decodeJwt, SignJWT, type CryptoKey, type JWTPayload } from "jose";

/**
 * Signing and validating Entra-style RS256 JWTs. Validation reports *why* a token is rejected,
 * because ARM and Graph answer expired and wrong-audience tokens with different error codes.
 */
export type TokenClaims = JWTPayload & Record<string, unknown>;

export function signJwt(claims: TokenClaims, key: { kid: string; privateKey: CryptoKey }): Promise<string> {
  return new SignJWT(claims).setProtectedHeader({ alg: "RS256", typ: "JWT", kid: key.kid, x5t: key.kid }).sign(key.privateKey);
}

export type TokenCheck =
  | { ok: true; claims: TokenClaims }
  | { ok: false; reason: "malformed" | "signature" | "expired" | "notYetValid" | "audience" | "issuer"; claims?: TokenClaims };

export type TokenExpectations = { audiences: readonly string[]; issuer: string; nowSeconds: number; clockSkewSeconds?: number };

/** Pure apart from the signature check: claims are judged against `expectations`. */
export function checkClaims(claims: TokenClaims, expectations: TokenExpectations): TokenCheck {
  const skew = expectations.clockSkewSeconds ?? 300;
  const audiences = Array.isArray(claims.aud) ? claims.aud : [claims.aud];
  if (claims.iss !== expectations.issuer) return { ok: false, reason: "issuer", claims };
  if (!audiences.some((aud) => typeof aud === "string" && expectations.audiences.includes(aud))) return { ok: false, reason: "audience", claims };
  if (typeof claims.exp !== "number" || claims.exp + skew <= expectations.nowSeconds) return { ok: false, reason: "expired", claims };
  if (typeof claims.nbf === "number" && claims.nbf - skew > expectations.nowSeconds) return { ok: false, reason: "notYetValid", claims };
  return { ok: true, claims };
}

export async function verifyJwt(token: string, publicKey: CryptoKey, expectations: TokenExpectations): Promise<TokenCheck> {
  let claims: TokenClaims;
  try {
    claims = decodeJwt(token) as TokenClaims;
  } catch {
    return { ok: false, reason: "malformed" };
  }
  try {
    await compactVerify(token, publicKey, { algorithms: ["RS256"] });
  } catch {
    return { ok: false, reason: "signature", claims };
  }
  return checkClaims(claims, expectations);
}
