import ipaddr from "ipaddr.js";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ipv4Address, ipv4Range, nearlyRangeText, rangeText } from "./cidr-arbitraries.test-helper";
import { formatIpv4Address } from "./ipv4";
import { MAX_AUTHORIZED_IP_RANGES } from "./limits";
import { authorizedIpRangeKey, containsAddress, normalizeAuthorizedIpRange } from "./normalize";
import { parseAuthorizedIpRange } from "./parse";
import { planAuthorizedIpRangeChange } from "./plan";
import { firstAddress, formatRange, lastAddress, rangeContainsAddress, rangeContainsRange } from "./range";

describe("parsing and formatting", () => {
  it("parse ∘ format is the identity on ranges", () => {
    fc.assert(
      fc.property(ipv4Range, (range) => {
        expect(parseAuthorizedIpRange(formatRange(range))).toEqual({ ok: true, range });
      }),
    );
  });

  it("format ∘ parse is the canonical text, and re-parses to the same range", () => {
    fc.assert(
      fc.property(fc.oneof(rangeText, nearlyRangeText), (text) => {
        const parsed = parseAuthorizedIpRange(text);
        if (!parsed.ok) return;
        expect(parseAuthorizedIpRange(formatRange(parsed.range))).toEqual(parsed);
      }),
    );
  });

  it("never throws, and agrees with ipaddr.js on which four-part decimal CIDRs are valid", () => {
    fc.assert(
      fc.property(nearlyRangeText, (text) => {
        const parsed = parseAuthorizedIpRange(text);
        const withPrefix = text.includes("/") ? text : `${text}/32`;
        if (parsed.ok) expect(ipaddr.IPv4.isValidCIDRFourPartDecimal(withPrefix)).toBe(true);
      }),
    );
  });

  it("normalization is idempotent", () => {
    fc.assert(
      fc.property(fc.oneof(rangeText, nearlyRangeText), (text) => {
        const once = normalizeAuthorizedIpRange(text);
        if (once !== undefined) expect(normalizeAuthorizedIpRange(once)).toBe(once);
        expect(authorizedIpRangeKey(authorizedIpRangeKey(text))).toBe(authorizedIpRangeKey(text));
      }),
    );
  });
});

describe("containment", () => {
  it("agrees with interval arithmetic", () => {
    fc.assert(
      fc.property(ipv4Range, ipv4Range, (outer, inner) => {
        const byIntervals = firstAddress(outer) <= firstAddress(inner) && lastAddress(inner) <= lastAddress(outer);
        expect(rangeContainsRange(outer, inner)).toBe(byIntervals);
      }),
    );
  });

  it("agrees with interval arithmetic and with ipaddr.js for single addresses", () => {
    fc.assert(
      fc.property(ipv4Range, ipv4Address, (range, address) => {
        const byIntervals = firstAddress(range) <= address && address <= lastAddress(range);
        expect(rangeContainsAddress(range, address)).toBe(byIntervals);
        const ip = formatIpv4Address(address);
        expect(containsAddress(ip, formatRange(range))).toBe(byIntervals);
        expect(ipaddr.IPv4.parse(ip).match(ipaddr.IPv4.parseCIDR(formatRange(range)))).toBe(byIntervals);
      }),
    );
  });
});

const keys = (texts: readonly string[]) => new Set(texts.map(authorizedIpRangeKey));

/** A current list and a change whose removals mostly name ranges that are present. */
const scenario = fc
  .tuple(fc.array(rangeText, { maxLength: 40 }), fc.array(rangeText, { maxLength: 10 }), fc.array(fc.nat(), { maxLength: 10 }), fc.array(rangeText, { maxLength: 2 }))
  .map(([current, add, picks, strays]) => ({
    current,
    add,
    remove: [...picks.flatMap((i) => (current.length === 0 ? [] : [current[i % current.length] ?? ""])), ...strays],
  }));

const largeScenario = fc
  .tuple(fc.uniqueArray(ipv4Range, { minLength: 190, maxLength: 205, selector: formatRange }), fc.array(rangeText, { maxLength: 15 }))
  .map(([current, add]) => ({ current: current.map(formatRange), add, remove: [] as string[] }));

describe("planAuthorizedIpRangeChange", () => {
  it("never drops a range it was not asked to remove, and contains every added range", () => {
    fc.assert(
      fc.property(scenario, ({ current, add, remove }) => {
        const plan = planAuthorizedIpRangeChange(current, { add, remove }, [], { onMissingRemoval: "skip" });
        if (!plan.ok) return;
        const result = keys(plan.ranges);
        const removed = keys(remove);
        for (const key of keys(current)) if (!removed.has(key)) expect(result.has(key)).toBe(true);
        for (const key of keys(add)) expect(result.has(key)).toBe(true);
        for (const key of removed) expect(result.has(key)).toBe(false);
        expect(new Set(plan.ranges).size).toBe(plan.ranges.length);
        for (const key of result) expect(keys(current).has(key) || keys(add).has(key)).toBe(true);
      }),
    );
  });

  it("never leaves more than 200 ranges after adding", () => {
    fc.assert(
      fc.property(fc.oneof(scenario, largeScenario), ({ current, add, remove }) => {
        const plan = planAuthorizedIpRangeChange(current, { add, remove }, [], { onMissingRemoval: "skip" });
        if (plan.ok && plan.added.length > 0) expect(plan.ranges.length).toBeLessThanOrEqual(MAX_AUTHORIZED_IP_RANGES);
      }),
    );
  });

  it("applying the same change twice equals applying it once", () => {
    fc.assert(
      fc.property(scenario, ({ current, add, remove }) => {
        const once = planAuthorizedIpRangeChange(current, { add, remove }, [], { onMissingRemoval: "skip" });
        if (!once.ok) return;
        const twice = planAuthorizedIpRangeChange(once.ranges, { add, remove }, [], { onMissingRemoval: "skip" });
        expect(twice).toMatchObject({ ok: true, ranges: once.ranges, unchanged: true });
      }),
    );
  });

  it("never uncovers a protected egress IP that was covered", () => {
    fc.assert(
      fc.property(scenario, fc.array(fc.oneof(ipv4Address, fc.nat({ max: 1023 }).map((offset) => 0xc0000000 + offset)), { maxLength: 3 }), ({ current, add, remove }, egress) => {
        const protectedRanges = egress.map((a) => `${formatIpv4Address(a)}/32`);
        const plan = planAuthorizedIpRangeChange(current, { add, remove }, protectedRanges, { onMissingRemoval: "skip" });
        if (!plan.ok) return;
        for (const p of protectedRanges) {
          const coveredBefore = current.some((r) => containsAddress(p, r));
          if (coveredBefore) expect(plan.ranges.some((r) => containsAddress(p, r))).toBe(true);
        }
      }),
    );
  });
});
