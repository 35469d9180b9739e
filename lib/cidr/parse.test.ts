import { describe, expect, it } from "vitest";
import { parseAuthorizedIpRange, rangeForClientAddress } from "./parse";
import { formatRange } from "./range";

function parsedText(input: string): string {
  const result = parseAuthorizedIpRange(input);
  if (!result.ok) throw new Error(`expected ${input} to parse: ${result.message}`);
  return formatRange(result.range);
}

describe("parseAuthorizedIpRange", () => {
  it.each([
    ["203.0.113.0/24", "203.0.113.0/24"],
    ["  203.0.113.7  ", "203.0.113.7/32"],
    ["203.0.113.7/32", "203.0.113.7/32"],
    ["0.0.0.0/0", "0.0.0.0/0"],
    ["255.255.255.255", "255.255.255.255/32"],
    ["10.0.0.0/8", "10.0.0.0/8"],
    ["137.117.106.88/29", "137.117.106.88/29"],
    ["0.0.0.0", "0.0.0.0/32"],
  ])("accepts %s as %s", (input, expected) => {
    expect(parsedText(input)).toBe(expected);
  });

  it.each([
    ["", "empty", "Enter an IPv4 address or CIDR range, for example 203.0.113.7 or 203.0.113.0/24."],
    ["   ", "empty", "Enter an IPv4 address or CIDR range, for example 203.0.113.7 or 203.0.113.0/24."],
    ["2001:db8::/32", "ipv6-not-supported", "2001:db8::/32 is IPv6; authorized IP ranges in Clusterdesk are IPv4 only. Enter an IPv4 address or CIDR range."],
    ["::1", "ipv6-not-supported", "::1 is IPv6; authorized IP ranges in Clusterdesk are IPv4 only. Enter an IPv4 address or CIDR range."],
    ["hello", "invalid-format", "hello is not an IPv4 address or CIDR range. Use the form 203.0.113.0/24, or 203.0.113.7 for a single address."],
    ["10.0.0", "invalid-format", "10.0.0 is not an IPv4 address or CIDR range. Use the form 203.0.113.0/24, or 203.0.113.7 for a single address."],
    ["10.0.0.0/", "invalid-format", "10.0.0.0/ is not an IPv4 address or CIDR range. Use the form 203.0.113.0/24, or 203.0.113.7 for a single address."],
    ["10.0.0.0 /8", "invalid-format", "10.0.0.0 /8 is not an IPv4 address or CIDR range. Use the form 203.0.113.0/24, or 203.0.113.7 for a single address."],
    ["1.2.3.4.5", "invalid-format", "1.2.3.4.5 is not an IPv4 address or CIDR range. Use the form 203.0.113.0/24, or 203.0.113.7 for a single address."],
    ["0x7f.0.0.1", "invalid-format", "0x7f.0.0.1 is not an IPv4 address or CIDR range. Use the form 203.0.113.0/24, or 203.0.113.7 for a single address."],
    ["-1.0.0.0", "invalid-format", "-1.0.0.0 is not an IPv4 address or CIDR range. Use the form 203.0.113.0/24, or 203.0.113.7 for a single address."],
    ["gg::1", "invalid-format", "gg::1 is not an IPv4 address or CIDR range. Use the form 203.0.113.0/24, or 203.0.113.7 for a single address."],
    ["010.0.0.1", "invalid-address", '010.0.0.1: "010" has a leading zero; write each part of the address without leading zeros.'],
    ["10.00.0.1", "invalid-address", '10.00.0.1: "00" has a leading zero; write each part of the address without leading zeros.'],
    ["256.0.0.0/8", "invalid-address", '256.0.0.0/8: "256" is out of range; each part of an IPv4 address is 0 to 255.'],
    ["1.2.3.99999999999999999999", "invalid-address", '1.2.3.99999999999999999999: "99999999999999999999" is out of range; each part of an IPv4 address is 0 to 255.'],
    ["10.0.0.0/33", "invalid-prefix-length", "10.0.0.0/33: the prefix length must be a whole number from 0 to 32."],
    ["10.0.0.0/08", "invalid-prefix-length", "10.0.0.0/08: the prefix length must be a whole number from 0 to 32."],
  ])("rejects %j with %s", (input, code, message) => {
    expect(parseAuthorizedIpRange(input)).toEqual({ ok: false, code, message });
  });

  it("suggests the network address when host bits are set", () => {
    expect(parseAuthorizedIpRange("10.1.2.3/24")).toEqual({
      ok: false,
      code: "host-bits-set",
      message: "10.1.2.3/24: host bits are set; did you mean 10.1.2.0/24?",
      suggestion: "10.1.2.0/24",
    });
    expect(parseAuthorizedIpRange("1.2.3.4/0")).toMatchObject({ code: "host-bits-set", suggestion: "0.0.0.0/0" });
    expect(parseAuthorizedIpRange("203.0.113.255/31")).toMatchObject({ suggestion: "203.0.113.254/31" });
  });
});

describe("rangeForClientAddress", () => {
  it("turns the caller's address into a /32, unwrapping IPv4-mapped IPv6", () => {
    expect(rangeForClientAddress("203.0.113.7")).toEqual({ ok: true, range: { network: 0xcb007107, prefixLength: 32 } });
    expect(rangeForClientAddress("::ffff:203.0.113.7")).toEqual({ ok: true, range: { network: 0xcb007107, prefixLength: 32 } });
  });

  it("refuses a real IPv6 caller and a range", () => {
    expect(rangeForClientAddress("2001:db8::1")).toMatchObject({ ok: false, code: "ipv6-not-supported" });
    expect(rangeForClientAddress("203.0.113.0/24")).toEqual({ ok: false, code: "invalid-format", message: "203.0.113.0/24 is not a single IP address." });
  });
});
