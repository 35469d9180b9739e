import "server-only";
import { randomUUID } from "node:crypto";
import { headers } from "next/headers";
import { env } from "@/lib/env";

export type RequestContext = { clientIp: string | null; userAgent: string | null; correlationId: string; path: string };

export const correlationHeader = "x-clusterdesk-correlation-id";
export const pathHeader = "x-clusterdesk-path";

/**
 * Facts about the current request for the audit log. The proxy (proxy.ts) overwrites the
 * correlation-id and path headers on every request, so a client cannot choose them.
 * The client IP comes from X-Forwarded-For: behind N trusted proxies (CLUSTERDESK_TRUSTED_PROXY_HOPS)
 * it is the entry the outermost trusted proxy appended, so addresses a client prepends are ignored.
 * Without a proxy, Next.js fills the header from the socket only when the client sent none: the
 * value is then what the client claims, which is why it is only ever a default the user can see and
 * edit ("Add my IP") and a fact recorded in the audit log, never a basis for authorization.
 */
export function clientAddress(forwardedFor: string | null, trustedProxyHops: number): string | null {
  const entries = (forwardedFor ?? "").split(",").map((entry) => entry.trim()).filter(Boolean);
  const address = entries[entries.length - Math.max(1, trustedProxyHops)] ?? null;
  // Node reports IPv4 clients of a dual-stack socket as IPv4-mapped IPv6.
  return address?.replace(/^::ffff:(\d+\.\d+\.\d+\.\d+)$/, "$1") ?? null;
}

export async function requestContext(): Promise<RequestContext> {
  const list = await headers();
  return {
    clientIp: clientAddress(list.get("x-forwarded-for"), env().trustedProxyHops),
    userAgent: list.get("user-agent")?.slice(0, 512) ?? null,
    correlationId: list.get(correlationHeader) ?? randomUUID(),
    path: list.get(pathHeader) ?? "/",
  };
}
