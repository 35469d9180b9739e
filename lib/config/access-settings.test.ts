import { describe, expect, it } from "vitest";
import { ConfigurationError, parseSettings } from "./settings";

describe("namespace access settings", () => {
  it("waits 10 minutes for a grant to take effect unless told otherwise", () => {
    expect(parseSettings({}).accessEffectDeadlineMs).toBe(10 * 60_000);
    expect(parseSettings({ CLUSTERDESK_ACCESS_EFFECT_DEADLINE_MINUTES: "30" }).accessEffectDeadlineMs).toBe(30 * 60_000);
  });

  it("refuses a deadline that is no whole number of minutes, or zero", () => {
    expect(() => parseSettings({ CLUSTERDESK_ACCESS_EFFECT_DEADLINE_MINUTES: "0" })).toThrow(ConfigurationError);
    expect(() => parseSettings({ CLUSTERDESK_ACCESS_EFFECT_DEADLINE_MINUTES: "2.5" })).toThrow(/CLUSTERDESK_ACCESS_EFFECT_DEADLINE_MINUTES/);
  });
});
