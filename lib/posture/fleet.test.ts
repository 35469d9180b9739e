import { describe, expect, it } from "vitest";
import { context, hardenedCluster } from "./cluster-builder.test-helper";
import { evaluatePosture } from "./evaluate";
import { summarizeFleet } from "./fleet";

describe("summarizeFleet", () => {
  it("is empty for no clusters", () => {
    const summary = summarizeFleet([], context);
    expect(summary).toMatchObject({ clusterCount: 0, averageScore: null, clustersWithHighFindings: 0, failingFindings: { high: 0, medium: 0, low: 0, info: 0 } });
    expect(summary.rules.every((r) => r.failingClusterIds.length === 0)).toBe(true);
  });

  it("counts findings by severity, names the clusters failing each rule and averages the scores", () => {
    const good = hardenedCluster();
    const open = { ...hardenedCluster(), id: "open", apiServerAccess: { ...good.apiServerAccess, authorizedIpRanges: [] }, azurePolicyEnabled: false };
    const privateUnknown = { ...hardenedCluster(), id: "private", apiServerAccess: { ...good.apiServerAccess, privateCluster: true }, inCluster: null };
    const summary = summarizeFleet([good, open, privateUnknown], context);

    expect(summary.clusterCount).toBe(3);
    expect(summary.failingFindings).toEqual({ high: 1, medium: 1, low: 0, info: 0 });
    expect(summary.clustersWithHighFindings).toBe(1);
    // open: loses 10 + 5 of 77 → floor(6200 / 77) = 80; the private one's unchecked rules count against it.
    const privateScore = evaluatePosture(privateUnknown, context).score;
    expect(privateScore).toBeLessThan(100);
    expect(summary.averageScore).toBe(Math.round((100 + 80 + privateScore) / 3));
    const rule = (id: string) => summary.rules.find((r) => r.id === id);
    expect(rule("api-server-exposure")).toEqual({ id: "api-server-exposure", title: "API server not open to the internet", severity: "high", failingClusterIds: ["open"], unknownClusterIds: [] });
    expect(rule("azure-policy")?.failingClusterIds).toEqual(["open"]);
    expect(rule("pod-security-admission")?.unknownClusterIds).toEqual(["private"]);
  });
});
