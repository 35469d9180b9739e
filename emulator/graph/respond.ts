import { randomUUID } from "node:crypto";
import { sendJson, type Exchange } from "../http/exchange";
import { emulatorResourceIds } from "../entra/instance-discovery";
import type { TokenClaims } from "../entra/jwt";
import type { Runtime } from "../runtime";
import { GraphQueryError } from "./query";

/** Graph's error envelope carries an innerError with the request and client request ids. */
export function sendGraphError(exchange: Exchange, status: number, code: string, message: string): void {
  const requestId = randomUUID();
  sendJson(exchange, status, {
    error: { code, message, innerError: { date: new Date().toISOString().slice(0, 19), "request-id": requestId, "client-request-id": exchange.header("client-request-id") ?? requestId } },
  }, { "request-id": requestId });
}

export const graphAudiences = ["https://graph.microsoft.com", "https://graph.microsoft.com/", "00000003-0000-0000-c000-000000000000"];

export async function authenticateGraph(exchange: Exchange, runtime: Runtime): Promise<TokenClaims> {
  const token = /^Bearer\s+(.+)$/i.exec(exchange.header("authorization") ?? "")?.[1];
  if (!token) throw new GraphQueryError(401, "InvalidAuthenticationToken", "Access token is empty.");
  // A custom cloud's Graph resource id is the emulator's own URL (see entra/instance-discovery.ts).
  const customCloud = emulatorResourceIds(runtime.baseUrl()).flatMap((id) => [id, `${id}/`]);
  const check = await runtime.tokens.verify(token, [...graphAudiences, ...customCloud]);
  if (check.ok) return check.claims;
  if (check.reason === "expired") throw new GraphQueryError(401, "InvalidAuthenticationToken", "Lifetime validation failed, the token is expired.");
  if (check.reason === "audience") throw new GraphQueryError(401, "InvalidAuthenticationToken", "Access token validation failure. Invalid audience.");
  if (check.reason === "signature") throw new GraphQueryError(401, "InvalidAuthenticationToken", "Access token validation failure. Invalid signature.");
  throw new GraphQueryError(401, "InvalidAuthenticationToken", "IDX14100: JWT is not well formed, there are no dots (.).");
}
