import { describe, expect, it } from "vitest";
import { planAuthorizedIpRangeChange } from "./plan";

const egress = ["20.50.60.70/32"];
const current = ["20.50.60.70/32", "203.0.113.0/24", "198.51.100.7"];

describe("planAuthorizedIpRangeChange", () => {
  it("adds to the end and keeps every other range in order, normalized", () => {
    expect(planAuthorizedIpRangeChange(current, { add: ["192.0.2.1"], remove: [] }, egress)).toEqual({
      ok: true,
      ranges: ["20.50.60.70/32", "203.0.113.0/24", "198.51.100.7/32", "192.0.2.1/32"],
      added: ["192.0.2.1/32"],
      removed: [],
      alreadyPresent: [],
      alreadyAbsent: [],
      unchanged: false,
    });
  });

  it("removes only what it was asked to remove", () => {
    const plan = planAuthorizedIpRangeChange(current, { add: [], remove: ["198.51.100.7/32"] }, egress);
    expect(plan).toMatchObject({ ok: true, ranges: ["20.50.60.70/32", "203.0.113.0/24"], removed: ["198.51.100.7/32"] });
  });

  it("treats adding an existing range as a no-op", () => {
    const plan = planAuthorizedIpRangeChange(current, { add: ["198.51.100.7/32", " 203.0.113.0/24 "], remove: [] }, egress);
    expect(plan).toMatchObject({ ok: true, ranges: ["20.50.60.70/32", "203.0.113.0/24", "198.51.100.7/32"], added: [], alreadyPresent: ["198.51.100.7/32", "203.0.113.0/24"], unchanged: true });
  });

  it("collapses duplicates in the request and in the current list", () => {
    const plan = planAuthorizedIpRangeChange(["192.0.2.1", "192.0.2.1/32"], { add: ["192.0.2.9", "192.0.2.9/32"], remove: [] }, []);
    expect(plan).toMatchObject({ ok: true, ranges: ["192.0.2.1/32", "192.0.2.9/32"], added: ["192.0.2.9/32"] });
  });

  it("keeps entries it cannot parse, and can remove them by their exact text", () => {
    const withForeign = ["2001:db8::/48", "192.0.2.1/32"];
    expect(planAuthorizedIpRangeChange(withForeign, { add: ["192.0.2.2"], remove: [] }, [])).toMatchObject({ ok: true, ranges: ["2001:db8::/48", "192.0.2.1/32", "192.0.2.2/32"] });
    expect(planAuthorizedIpRangeChange(withForeign, { add: [], remove: [" 2001:db8::/48"] }, [])).toMatchObject({ ok: true, ranges: ["192.0.2.1/32"], removed: ["2001:db8::/48"] });
  });

  it("rejects invalid input with the parser's message", () => {
    expect(planAuthorizedIpRangeChange(current, { add: ["10.1.2.3/24"], remove: ["nope"] }, egress)).toEqual({
      ok: false,
      errors: [
        {
          code: "invalid-range",
          range: "10.1.2.3/24",
          message: "10.1.2.3/24: host bits are set; did you mean 10.1.2.0/24?",
          parseError: { ok: false, code: "host-bits-set", message: "10.1.2.3/24: host bits are set; did you mean 10.1.2.0/24?", suggestion: "10.1.2.0/24" },
        },
        {
          code: "invalid-range",
          range: "nope",
          message: "nope is not an IPv4 address or CIDR range. Use the form 203.0.113.0/24, or 203.0.113.7 for a single address.",
          parseError: { ok: false, code: "invalid-format", message: "nope is not an IPv4 address or CIDR range. Use the form 203.0.113.0/24, or 203.0.113.7 for a single address." },
        },
      ],
    });
  });

  it("rejects a range that is both added and removed", () => {
    expect(planAuthorizedIpRangeChange(current, { add: ["198.51.100.7"], remove: ["198.51.100.7/32"] }, egress)).toEqual({
      ok: false,
      errors: [{ code: "conflicting-change", range: "198.51.100.7/32", message: "198.51.100.7/32 is both added and removed in this change." }],
    });
  });

  it("rejects removing a range that is not there, unless told to skip it", () => {
    expect(planAuthorizedIpRangeChange(current, { add: [], remove: ["192.0.2.1"] }, egress)).toEqual({
      ok: false,
      errors: [{ code: "not-present", range: "192.0.2.1/32", message: "192.0.2.1/32 is not in the cluster's authorized IP ranges, so it can't be removed." }],
    });
    expect(planAuthorizedIpRangeChange(current, { add: [], remove: ["192.0.2.1"] }, egress, { onMissingRemoval: "skip" })).toMatchObject({
      ok: true,
      alreadyAbsent: ["192.0.2.1/32"],
      unchanged: true,
    });
  });

  it("protects the cluster's own egress IPs", () => {
    expect(planAuthorizedIpRangeChange(current, { add: [], remove: ["20.50.60.70"] }, egress)).toEqual({
      ok: false,
      errors: [
        {
          code: "protected-range",
          range: "20.50.60.70/32",
          message: "20.50.60.70/32 is an egress IP of this cluster and can't be removed: the cluster's own traffic to its API server comes from it.",
        },
      ],
    });
  });

  it("protects an egress IP covered only by a wider range, but not one still covered elsewhere", () => {
    const wide = ["20.50.0.0/16", "203.0.113.0/24"];
    expect(planAuthorizedIpRangeChange(wide, { add: [], remove: ["20.50.0.0/16"] }, egress)).toEqual({
      ok: false,
      errors: [
        {
          code: "protected-range",
          range: "20.50.0.0/16",
          message: "Removing 20.50.0.0/16 would stop allowing 20.50.60.70/32, an egress IP of this cluster; its own traffic to the API server comes from it.",
        },
      ],
    });
    expect(planAuthorizedIpRangeChange([...wide, "20.50.60.70/32"], { add: [], remove: ["20.50.0.0/16"] }, egress)).toMatchObject({ ok: true });
    // Not on the list in the first place (e.g. allowed implicitly by AKS): nothing to protect.
    expect(planAuthorizedIpRangeChange(["203.0.113.0/24", "192.0.2.1/32"], { add: [], remove: ["192.0.2.1"] }, egress)).toMatchObject({ ok: true });
  });

  it("refuses to empty the list, which would open the API server", () => {
    expect(planAuthorizedIpRangeChange(["192.0.2.1/32"], { add: [], remove: ["192.0.2.1/32"] }, [])).toEqual({
      ok: false,
      errors: [
        {
          code: "would-remove-all",
          range: "",
          message: "This change would remove every authorized IP range. An empty list turns the restriction off and opens the API server to the internet.",
        },
      ],
    });
  });

  it("refuses additions beyond 200 ranges, but allows swapping at the limit", () => {
    const full = Array.from({ length: 200 }, (_, i) => `198.51.${Math.floor(i / 256)}.${i % 256}/32`);
    expect(planAuthorizedIpRangeChange(full, { add: ["192.0.2.1"], remove: [] }, [])).toEqual({
      ok: false,
      errors: [{ code: "too-many", range: "", message: "This change would leave 201 authorized IP ranges; AKS allows at most 200." }],
    });
    expect(planAuthorizedIpRangeChange(full, { add: ["192.0.2.1"], remove: ["198.51.0.0/32"] }, [])).toMatchObject({ ok: true });
  });

  it("throws on an invalid protected range, which is a bug upstream", () => {
    expect(() => planAuthorizedIpRangeChange(current, { add: [], remove: [] }, ["20.50.60.70/24"])).toThrow(TypeError);
  });
});
