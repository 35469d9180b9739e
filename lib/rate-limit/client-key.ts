import { isIPv4, isIPv6 } from "node:net";

/**
 * The key a client is rate-limited under. IPv4: the address. IPv6: its /64, because one subscriber
 * usually holds a whole /64 and could otherwise rotate through 2^64 addresses. Anything that is not
 * an address shares one key, so malformed values cannot be varied to escape the limit.
 */
export function clientKey(address: string | null | undefined): string {
  if (!address) return "unknown";
  if (isIPv4(address)) return address;
  if (!isIPv6(address)) return "unparseable";
  return `${ipv6Groups(address).slice(0, 4).join(":")}::/64`;
}

/** The eight groups of a valid IPv6 address, lower-case hex without leading zeros. */
function ipv6Groups(address: string): string[] {
  const withoutZone = address.replace(/%.*$/, "");
  // An embedded IPv4 tail (::ffff:192.0.2.1) becomes two hex groups, so every group is hex.
  const hex = withoutZone.replace(/(\d+)\.(\d+)\.(\d+)\.(\d+)$/, (_, a: string, b: string, c: string, d: string) =>
    [(Number(a) << 8) | Number(b), (Number(c) << 8) | Number(d)].map((group) => group.toString(16)).join(":"),
  );
  const [head = "", tail] = hex.split("::");
  const split = (part: string) => (part === "" ? [] : part.split(":"));
  const groups = tail === undefined ? split(head) : [...split(head), ...Array<string>(8 - split(head).length - split(tail).length).fill("0"), ...split(tail)];
  return groups.map((group) => Number.parseInt(group, 16).toString(16));
}
