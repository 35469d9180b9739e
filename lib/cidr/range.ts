import { formatIpv4Address, prefixMask } from "./ipv4";

/** One IPv4 CIDR block in canonical form: `network` has no host bits set. */
export type Ipv4Range = { readonly network: number; readonly prefixLength: number };

export function formatRange(range: Ipv4Range): string {
  return `${formatIpv4Address(range.network)}/${range.prefixLength}`;
}

export function rangeSize(range: Ipv4Range): number {
  return 2 ** (32 - range.prefixLength);
}

export function firstAddress(range: Ipv4Range): number {
  return range.network;
}

export function lastAddress(range: Ipv4Range): number {
  return range.network + rangeSize(range) - 1;
}

export function rangeContainsAddress(range: Ipv4Range, address: number): boolean {
  return ((address & prefixMask(range.prefixLength)) >>> 0) === range.network;
}

/** Two CIDR blocks either nest or are disjoint, so "overlap" between ranges always means containment. */
export function rangeContainsRange(outer: Ipv4Range, inner: Ipv4Range): boolean {
  return outer.prefixLength <= inner.prefixLength && rangeContainsAddress(outer, inner.network);
}

export function sameRange(a: Ipv4Range, b: Ipv4Range): boolean {
  return a.network === b.network && a.prefixLength === b.prefixLength;
}

/** Numeric order by network address, wider range first on a tie. */
export function compareRanges(a: Ipv4Range, b: Ipv4Range): number {
  return a.network - b.network || a.prefixLength - b.prefixLength;
}
