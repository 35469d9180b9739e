import { randomUUID } from "node:crypto";
import { sendJson, type Exchange } from "../http/exchange";

/** The token endpoint's error shape: OAuth's `error` plus Entra's AADSTS code, trace and correlation ids. */
export function sendOAuthError(exchange: Exchange, status: number, error: string, code: number, description: string): void {
  const correlationId = exchange.header("client-request-id") ?? exchange.url.searchParams.get("client-request-id") ?? randomUUID();
  const traceId = randomUUID();
  const timestamp = new Date().toISOString().replace("T", " ").replace(/\.\d+Z$/, "Z");
  sendJson(exchange, status, {
    error,
    error_description: `${description}\r\nTrace ID: ${traceId}\r\nCorrelation ID: ${correlationId}\r\nTimestamp: ${timestamp}`,
    error_codes: [code],
    timestamp,
    trace_id: traceId,
    correlation_id: correlationId,
  }, { "cache-control": "no-store", pragma: "no-cache" });
}
