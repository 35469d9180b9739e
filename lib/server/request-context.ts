import "server-only";
import { randomUUID } from "node:crypto";
import { isIP } from "node:net";
import { headers } from "next/headers";
import { env } from "@/lib/env";

export type RequestContext = { clientIp: string | null; userAgent: string | null; correlationId: string; path: string };

export const correlationHeader = "x-clusterdesk-correlation-id";
export const pathHeader = "x-clusterdesk-path";

/**
 * Facts about the current request for the audit log. The proxy (proxy.ts) overwrites the
 * correlation-id and path headers on every request, so a client cannot choose them.
 */

/** An IP address as an X-Forwarded-For entry may carry it (with a port, IPv4-mapped), or null. */
function ipAddressOf(entry: string): string | null {
  // Azure Application Gateway appends `address:port`; IPv6 with a port is bracketed.
  const [, host = entry, port] = /^\[(.+)\](?::(\d+))?$/.exec(entry) ?? /^(\d+\.\d+\.\d+\.\d+)(?::(\d+))?$/.exec(entry) ?? [];
  if (isIP(host) === 0 || (port !== undefined && Number(port) > 65535)) return null;
  // Node reports IPv4 clients of a dual-stack socket as IPv4-mapped IPv6.
  return host.replace(/^::ffff:(\d+\.\d+\.\d+\.\d+)$/i, "$1");
}

/**
 * The client's address. Next.js shows route handlers, server actions and proxy.ts no socket
 * (NextRequest.ip is gone since Next.js 15); `next start` copies the socket's peer into
 * X-Forwarded-For only when the request has none. So:
 * - behind N trusted proxies (CLUSTERDESK_TRUSTED_PROXY_HOPS), the entry the outermost of them
 *   appended; what a client prepends is ignored, and fewer entries than proxies means none;
 * - without a proxy, the peer address that the server in front of Next.js wrote into
 *   CLUSTERDESK_PEER_ADDRESS_HEADER (the launcher's front does, in production);
 * - without either, the X-Forwarded-For's single entry (the peer, unless the client sent a header
 *   of its own, which nothing here can tell apart); a longer chain came from the client.
 * An entry that is not an IP address gives null, so nothing a client writes reaches the audit log
 * as an address. Never a basis for authorization: it is a default the user sees ("Add my IP").
 */
export function clientAddress(forwardedFor: string | null, trustedProxyHops: number, peerAddress?: string | null): string | null {
  // The launcher's front (scripts/lib/peer-address-front.ts) knows the socket: with no proxy in
  // front of it, that peer is the client, and X-Forwarded-For is only what the client wrote.
  if (trustedProxyHops === 0 && peerAddress !== undefined) return peerAddress === null ? null : ipAddressOf(peerAddress.trim());
  const entries = (forwardedFor ?? "").split(",").map((entry) => entry.trim()).filter(Boolean);
  if (trustedProxyHops === 0 && entries.length !== 1) return null;
  const entry = entries[entries.length - Math.max(1, trustedProxyHops)];
  return entry === undefined ? null : ipAddressOf(entry);
}

/** The peer address the front wrote, when one is configured (undefined: none is; null: it sent none). */
function peerAddressOf(list: Headers): string | null | undefined {
  const header = env().peerAddressHeader;
  return header === null ? undefined : list.get(header);
}

export async function requestContext(): Promise<RequestContext> {
  const list = await headers();
  return {
    clientIp: clientAddress(list.get("x-forwarded-for"), env().trustedProxyHops, peerAddressOf(list)),
    userAgent: list.get("user-agent")?.slice(0, 512) ?? null,
    correlationId: list.get(correlationHeader) ?? randomUUID(),
    path: list.get(pathHeader) ?? "/",
  };
}
