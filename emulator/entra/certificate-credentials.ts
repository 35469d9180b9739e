import { createHash, createPublicKey, X509Certificate } from "node:crypto";
import { decodeJwt, decodeProtectedHeader, errors, jwtVerify, type JWTPayload, type ProtectedHeaderParameters } from "jose";
import type { CertificateCredential, ServicePrincipal } from "../state";

/**
 * Entra's side of certificate credentials: a client assertion the app signs with the private key of a
 * certificate uploaded to its registration, naming that certificate by its thumbprint in the JWT
 * header (`x5t#S256`, SHA-256, which MSAL sends with PS256; or the older `x5t`, SHA-1, with RS256).
 * Entra checks issuer and subject against the client id, finds the key by thumbprint, then the
 * signature, the time range and the audience (the token endpoint). The messages are Entra's own.
 * https://learn.microsoft.com/entra/identity-platform/certificate-credentials
 */

const docs = "Review the documentation at https://docs.microsoft.com/en-us/azure/active-directory/develop/active-directory-certificate-credentials .";

/** The thumbprints of a PEM certificate, as Entra stores them (hex, upper case). */
export function certificateCredentialOf(certificatePem: string): CertificateCredential {
  const certificate = new X509Certificate(certificatePem);
  return {
    certificatePem: certificate.toString(),
    thumbprintSha1: createHash("sha1").update(certificate.raw).digest("hex").toUpperCase(),
    thumbprintSha256: createHash("sha256").update(certificate.raw).digest("hex").toUpperCase(),
  };
}

/** Whether an assertion claims to be signed with a certificate (rather than being a federated token). */
export function isCertificateAssertion(assertion: string): boolean {
  try {
    const header = decodeProtectedHeader(assertion);
    return typeof header["x5t#S256"] === "string" || typeof header.x5t === "string";
  } catch {
    return false;
  }
}

/** Clients stamp `nbf` with a rounded clock (MSAL rounds to the nearest second); Entra allows some skew. */
const clockSkewSeconds = 60;

type Verdict = { ok: true } | { ok: false; status: number; error: string; code: number; description: string };
const refused = (code: number, description: string, status = 401, error = "invalid_client"): Verdict => ({ ok: false, status, error, code, description });

function presentedThumbprint(header: ProtectedHeaderParameters): { hex: string; field: "thumbprintSha256" | "thumbprintSha1" } {
  const sha256 = header["x5t#S256"];
  if (typeof sha256 === "string") return { hex: Buffer.from(sha256, "base64url").toString("hex").toUpperCase(), field: "thumbprintSha256" };
  return { hex: Buffer.from(String(header.x5t ?? ""), "base64url").toString("hex").toUpperCase(), field: "thumbprintSha1" };
}

/** Verifies a certificate client assertion for `application`; `audiences` are the token endpoint URLs it may name. */
export async function verifyCertificateAssertion(assertion: string, application: ServicePrincipal, audiences: readonly string[]): Promise<Verdict> {
  let claims: JWTPayload;
  let header: ProtectedHeaderParameters;
  try {
    claims = decodeJwt(assertion);
    header = decodeProtectedHeader(assertion);
  } catch {
    return refused(50027, "AADSTS50027: JWT token is invalid or malformed.", 400, "invalid_request");
  }
  if (claims.iss !== application.appId || claims.sub !== application.appId) {
    return refused(700021, `AADSTS700021: Client assertion application identifier doesn't match 'client_id' parameter. ${docs}`, 400, "invalid_request");
  }
  const thumbprint = presentedThumbprint(header);
  const registered = (application.certificateCredentials ?? []).find((credential) => credential[thumbprint.field] === thumbprint.hex);
  const keyProblem = (reason: string) =>
    refused(700027, `AADSTS700027: Client assertion contains an invalid signature. [Reason - ${reason}, Thumbprint of key used by client: '${thumbprint.hex}', Please visit the Azure Portal, Graph Explorer or directly use MS Graph to see configured keys for app Id '${application.appId}'. ${docs}]`);
  if (!registered) return keyProblem("The key was not found.");
  try {
    await jwtVerify(assertion, createPublicKey(registered.certificatePem), { algorithms: ["RS256", "PS256"], requiredClaims: ["exp"], clockTolerance: clockSkewSeconds });
  } catch (error) {
    if (error instanceof errors.JWTExpired || (error instanceof errors.JWTClaimValidationFailed && error.claim === "nbf")) {
      return refused(700024, `AADSTS700024: Client assertion is not within its valid time range. Current time: ${new Date().toISOString()}, expiry time of assertion ${new Date((claims.exp ?? 0) * 1000).toISOString()}.`, 400, "invalid_client");
    }
    if (error instanceof errors.JWTClaimValidationFailed) return refused(700024, "AADSTS700024: Client assertion is not within its valid time range (it has no expiry).", 400);
    return keyProblem("The provided signature value did not match the expected signature value.");
  }
  const named = Array.isArray(claims.aud) ? claims.aud : [claims.aud ?? ""];
  if (!named.some((audience) => audiences.includes(audience))) {
    return refused(700023, `AADSTS700023: Client assertion audience claim does not match Realm issuer. ${docs}`, 400, "invalid_request");
  }
  return { ok: true };
}
