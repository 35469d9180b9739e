import fc from "fast-check";
import { formatIpv4Address, prefixMask } from "./ipv4";
import { formatRange, type Ipv4Range } from "./range";

function canonical(address: number, prefixLength: number): Ipv4Range {
  return { network: (address & prefixMask(prefixLength)) >>> 0, prefixLength };
}

/** Any canonical range across the whole address space. */
const anywhere = fc.tuple(fc.nat({ max: 0xffffffff }), fc.integer({ min: 0, max: 32 })).map(([a, p]) => canonical(a, p));

/** Ranges packed into 192.0.0.0/22 so that duplicates and containment happen often. */
const clustered = fc
  .tuple(fc.nat({ max: 1023 }), fc.integer({ min: 20, max: 32 }))
  .map(([offset, p]) => canonical(0xc0000000 + offset, p));

export const ipv4Range: fc.Arbitrary<Ipv4Range> = fc.oneof(anywhere, clustered, clustered);

export const ipv4Address: fc.Arbitrary<number> = fc.nat({ max: 0xffffffff });

/** The texts a person or ARM might use for a range: canonical, bare address for a /32, stray spaces. */
export const rangeText: fc.Arbitrary<string> = fc
  .tuple(ipv4Range, fc.boolean(), fc.constantFrom("", " ", "\t"))
  .map(([range, bare, pad]) => pad + (bare && range.prefixLength === 32 ? formatIpv4Address(range.network) : formatRange(range)) + pad);

/** Strings that are nearly ranges: the interesting inputs for a parser. */
export const nearlyRangeText: fc.Arbitrary<string> = fc.oneof(
  fc.string(),
  fc
    .tuple(fc.array(fc.oneof(fc.nat({ max: 300 }).map(String), fc.constantFrom("00", "01", "", "x")), { minLength: 1, maxLength: 5 }), fc.option(fc.oneof(fc.nat({ max: 40 }).map(String), fc.constant("07"))))
    .map(([parts, prefix]) => parts.join(".") + (prefix === null ? "" : `/${prefix}`)),
);
