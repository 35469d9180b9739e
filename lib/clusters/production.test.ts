import { describe, expect, it } from "vitest";
import { defaultProductionTagRule, describeProductionTagRule, isProductionCluster } from "./production";

describe("isProductionCluster", () => {
  it("recognises the seed's production clusters and not the others", () => {
    expect(isProductionCluster({ team: "search", environment: "prod" }, defaultProductionTagRule)).toBe(true);
    expect(isProductionCluster({ team: "payments", environment: "dev" }, defaultProductionTagRule)).toBe(false);
    expect(isProductionCluster({ environment: "sandbox" }, defaultProductionTagRule)).toBe(false);
    expect(isProductionCluster({}, defaultProductionTagRule)).toBe(false);
  });

  it("compares tag names and values without regard to case, as Azure does for names", () => {
    expect(isProductionCluster({ Env: "Production " }, defaultProductionTagRule)).toBe(true);
    expect(isProductionCluster({ ENVIRONMENT: "PROD" }, defaultProductionTagRule)).toBe(true);
  });

  it("follows a configured rule", () => {
    const rule = { keys: ["stage"], values: ["live"] };
    expect(isProductionCluster({ stage: "live" }, rule)).toBe(true);
    expect(isProductionCluster({ environment: "prod" }, rule)).toBe(false);
  });

  it("says the rule in words", () => {
    expect(describeProductionTagRule(defaultProductionTagRule)).toBe('tagged "environment" or "env" = "prod" or "production"');
    expect(describeProductionTagRule({ keys: ["stage"], values: ["live"] })).toBe('tagged "stage" = "live"');
  });
});
