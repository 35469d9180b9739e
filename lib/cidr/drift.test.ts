import { describe, expect, it } from "vitest";
import { hasDrift, rangesDrift } from "./drift";

describe("rangesDrift", () => {
  it("is empty when the lists agree up to form and order", () => {
    const drift = rangesDrift(["203.0.113.7", "198.51.100.0/24"], ["198.51.100.0/24", "203.0.113.7/32"]);
    expect(drift).toEqual({ addedOutside: [], removedOutside: [] });
    expect(hasDrift(drift)).toBe(false);
  });

  it("names ranges added and removed outside Clusterdesk, verbatim when unparseable", () => {
    const drift = rangesDrift(["203.0.113.7/32", "198.51.100.0/24"], ["198.51.100.0/24", "192.0.2.1", "2001:db8::/48"]);
    expect(drift).toEqual({ addedOutside: ["192.0.2.1/32", "2001:db8::/48"], removedOutside: ["203.0.113.7/32"] });
    expect(hasDrift(drift)).toBe(true);
  });
});
