import { describe, expect, it } from "vitest";
import { ConfigurationError, parseSettings } from "./settings";

describe("IP range and production settings", () => {
  it("defaults to refusing ranges wider than /16 and to the seed's production tags", () => {
    const settings = parseSettings({});
    expect(settings.minIpRangePrefixLength).toBe(16);
    expect(settings.productionTags).toEqual({ keys: ["environment", "env"], values: ["prod", "production"] });
  });

  it("reads a stricter minimum and a custom production rule", () => {
    const settings = parseSettings({ CLUSTERDESK_MIN_IP_RANGE_PREFIX: "24", CLUSTERDESK_PRODUCTION_TAG_KEYS: "stage", CLUSTERDESK_PRODUCTION_TAG_VALUES: "live, prod" });
    expect(settings.minIpRangePrefixLength).toBe(24);
    expect(settings.productionTags).toEqual({ keys: ["stage"], values: ["live", "prod"] });
  });

  it("refuses a minimum that would allow /0 and an empty tag list", () => {
    expect(() => parseSettings({ CLUSTERDESK_MIN_IP_RANGE_PREFIX: "0" })).toThrow(ConfigurationError);
    expect(() => parseSettings({ CLUSTERDESK_PRODUCTION_TAG_VALUES: " , " })).toThrow(/CLUSTERDESK_PRODUCTION_TAG_VALUES/);
  });
});
