import "server-only";
import { randomUUID } from "node:crypto";
import { headers } from "next/headers";

export type RequestContext = { clientIp: string | null; userAgent: string | null; correlationId: string; path: string };

export const correlationHeader = "x-clusterdesk-correlation-id";
export const pathHeader = "x-clusterdesk-path";

/**
 * Facts about the current request for the audit log. The proxy (proxy.ts) overwrites the
 * correlation-id and path headers on every request, so a client cannot choose them.
 * The client IP is the first X-Forwarded-For entry, which Next.js sets from the socket when the
 * header is absent; behind an untrusted hop it is only what the client claims, and is recorded as such.
 */
export async function requestContext(): Promise<RequestContext> {
  const list = await headers();
  const forwardedFor = list.get("x-forwarded-for")?.split(",")[0]?.trim();
  return {
    clientIp: forwardedFor || null,
    userAgent: list.get("user-agent")?.slice(0, 512) ?? null,
    correlationId: list.get(correlationHeader) ?? randomUUID(),
    path: list.get(pathHeader) ?? "/",
  };
}
