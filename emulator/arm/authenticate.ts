import type { Exchange } from "../http/exchange";
import type { TokenClaims } from "../entra/jwt";
import type { Runtime } from "../runtime";
import { ArmError } from "./errors";

/** ARM accepts tokens for either of its historic resource URIs, with or without the trailing slash. */
export const armAudiences = [
  "https://management.azure.com", "https://management.azure.com/",
  "https://management.core.windows.net", "https://management.core.windows.net/",
];

function formatUtc(seconds: number): string {
  const date = new Date(seconds * 1000);
  return `${date.getUTCMonth() + 1}/${date.getUTCDate()}/${date.getUTCFullYear()} ${date.toISOString().slice(11, 19)}`;
}

/** Returns the token's claims, or throws the ArmError ARM answers with (401 and a WWW-Authenticate challenge). */
export async function authenticateArm(exchange: Exchange, runtime: Runtime): Promise<TokenClaims> {
  const header = exchange.header("authorization");
  const token = /^Bearer\s+(.+)$/i.exec(header ?? "")?.[1];
  if (!token) throw new ArmError(401, "AuthenticationFailed", "Authentication failed. The 'Authorization' header is missing.");
  const check = await runtime.tokens.verify(token, armAudiences);
  if (check.ok) return check.claims;
  if (check.reason === "expired" && typeof check.claims?.exp === "number") {
    throw new ArmError(401, "ExpiredAuthenticationToken", `The access token expiry UTC time '${formatUtc(check.claims.exp)}' is earlier than current UTC time '${formatUtc(Date.now() / 1000)}'.`);
  }
  if (check.reason === "audience") {
    throw new ArmError(401, "InvalidAuthenticationToken", `The access token has been obtained for wrong audience or resource '${String(check.claims?.aud)}'. It should exactly match with one of the allowed audiences '${armAudiences.join("','")}'.`);
  }
  if (check.reason === "malformed") throw new ArmError(401, "InvalidAuthenticationToken", "The access token is invalid.");
  if (check.reason === "issuer") throw new ArmError(401, "InvalidAuthenticationTokenTenant", `The access token is from the wrong issuer '${String(check.claims?.iss)}'. It must match the tenant '${runtime.baseUrl()}/${runtime.state().tenantId}/v2.0' associated with this subscription.`);
  throw new ArmError(401, "InvalidAuthenticationToken", "The received access token is not valid: at least one of the claims 'puid' or 'altsecid' or 'oid' should be present. If you are accessing as application please make sure service principal is properly created in the tenant.");
}

export function challengeHeader(error: ArmError): Record<string, string> {
  if (error.status !== 401) return {};
  return { "www-authenticate": `Bearer authorization_uri="https://login.microsoftonline.com/", error="invalid_token", error_description="${error.message.replace(/"/g, "'")}"` };
}
