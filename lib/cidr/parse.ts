import ipaddr from "ipaddr.js";
import { prefixMask, readIpv4Octets } from "./ipv4";
import { formatRange, type Ipv4Range } from "./range";

/** Stable codes: the UI and the API map them to field errors; the messages may be reworded, the codes not. */
export type RangeParseErrorCode =
  | "empty"
  | "ipv6-not-supported"
  | "invalid-format"
  | "invalid-address"
  | "invalid-prefix-length"
  | "host-bits-set";

export type RangeParseError = {
  ok: false;
  code: RangeParseErrorCode;
  message: string;
  /** The corrected input to offer, when there is an obvious one (host bits set). */
  suggestion?: string;
};

export type RangeParseResult = { ok: true; range: Ipv4Range } | RangeParseError;

const IPV4_CIDR = /^(\d+)\.(\d+)\.(\d+)\.(\d+)(?:\/(\d+))?$/;

function failure(code: RangeParseErrorCode, message: string, suggestion?: string): RangeParseError {
  return suggestion === undefined ? { ok: false, code, message } : { ok: false, code, message, suggestion };
}

function looksLikeIpv6(text: string): boolean {
  return text.includes(":") && (ipaddr.IPv6.isValid(text) || ipaddr.IPv6.isValidCIDR(text));
}

/**
 * Parses one authorized IP range as a user typed it: surrounding whitespace is ignored, a bare
 * address means that single address (/32), and a range whose host bits are set is refused with
 * the network address suggested rather than silently widened or narrowed.
 *
 * IPv4 only. The ARM schema just says "CIDR format, e.g. 137.117.106.88/29"
 * (managedClusters.json, apiServerAccessProfile.authorizedIPRanges) and does not document IPv6;
 * the public API server endpoint of a single-stack cluster is reached over IPv4, and PRODUCT.md item 3
 * specifies IPv4 CIDR. Clusterdesk therefore refuses IPv6 rather than guess what ARM does with it.
 */
export function parseAuthorizedIpRange(input: string): RangeParseResult {
  const text = input.trim();
  if (text === "") {
    return failure("empty", "Enter an IPv4 address or CIDR range, for example 203.0.113.7 or 203.0.113.0/24.");
  }
  if (looksLikeIpv6(text)) {
    return failure(
      "ipv6-not-supported",
      `${text} is IPv6; authorized IP ranges in Clusterdesk are IPv4 only. Enter an IPv4 address or CIDR range.`,
    );
  }
  const match = IPV4_CIDR.exec(text);
  if (!match) {
    return failure(
      "invalid-format",
      `${text} is not an IPv4 address or CIDR range. Use the form 203.0.113.0/24, or 203.0.113.7 for a single address.`,
    );
  }
  const [, a = "", b = "", c = "", d = "", prefixText] = match;
  const octets = readIpv4Octets([a, b, c, d]);
  if ("kind" in octets) {
    return octets.kind === "leading-zero"
      ? failure("invalid-address", `${text}: "${octets.octet}" has a leading zero; write each part of the address without leading zeros.`)
      : failure("invalid-address", `${text}: "${octets.octet}" is out of range; each part of an IPv4 address is 0 to 255.`);
  }
  let prefixLength = 32;
  if (prefixText !== undefined) {
    prefixLength = Number(prefixText);
    if ((prefixText.length > 1 && prefixText.startsWith("0")) || prefixLength > 32) {
      return failure("invalid-prefix-length", `${text}: the prefix length must be a whole number from 0 to 32.`);
    }
  }
  const network = (octets.address & prefixMask(prefixLength)) >>> 0;
  if (network !== octets.address) {
    const suggestion = formatRange({ network, prefixLength });
    return failure("host-bits-set", `${text}: host bits are set; did you mean ${suggestion}?`, suggestion);
  }
  return { ok: true, range: { network, prefixLength } };
}

/**
 * "Add my IP": the caller's address as the server saw it. Node reports IPv4 clients of a dual-stack
 * socket as IPv4-mapped IPv6 (`::ffff:203.0.113.7`), which is unwrapped to the IPv4 address.
 */
export function rangeForClientAddress(address: string): RangeParseResult {
  const text = address.trim();
  if (ipaddr.IPv6.isValid(text)) {
    const parsed = ipaddr.IPv6.parse(text);
    if (parsed.isIPv4MappedAddress()) return parseAuthorizedIpRange(parsed.toIPv4Address().toString());
  }
  if (text.includes("/")) return failure("invalid-format", `${text} is not a single IP address.`);
  return parseAuthorizedIpRange(text);
}
