/** IPv4 addresses as unsigned 32-bit integers, so range math is plain interval arithmetic. */

export const IPV4_ADDRESS_COUNT = 2 ** 32;

export function formatIpv4Address(address: number): string {
  return [address >>> 24, (address >>> 16) & 255, (address >>> 8) & 255, address & 255].join(".");
}

/** The netmask of a prefix length as an unsigned integer (`<< 32` is `<< 0` in JavaScript, hence the guard). */
export function prefixMask(prefixLength: number): number {
  return prefixLength === 0 ? 0 : (0xffffffff << (32 - prefixLength)) >>> 0;
}

export type OctetProblem = { kind: "leading-zero" | "out-of-range"; octet: string };

/**
 * Reads four dotted decimal octets. Leading zeros are refused rather than read as decimal or octal:
 * `inet_aton` treats `010` as 8, so the same text would mean different addresses to different tools
 * (the ambiguity behind CVE-2021-29921).
 */
export function readIpv4Octets(octets: readonly string[]): { address: number } | OctetProblem {
  let address = 0;
  for (const octet of octets) {
    if (octet.length > 1 && octet.startsWith("0")) return { kind: "leading-zero", octet };
    const value = Number(octet);
    if (value > 255) return { kind: "out-of-range", octet };
    address = address * 256 + value;
  }
  return { address };
}
