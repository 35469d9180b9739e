import { describe, expect, it } from "vitest";
import type { Cluster } from "@/lib/clusters/cluster";
import { context, hardenedCluster } from "./cluster-builder.test-helper";
import { evaluatePosture } from "./evaluate";
import { postureScore } from "./score";
import type { PostureFinding, PostureSeverity, PostureStatus } from "./types";

const finding = (status: PostureStatus, severity: PostureSeverity): PostureFinding => ({
  id: "oidc-issuer",
  status,
  severity,
  title: "",
  detail: "",
  why: "",
  fix: "",
  docsUrl: "",
});

/** Every rule failing that can fail from ARM facts alone. */
function worstCluster(): Cluster {
  const c = hardenedCluster();
  return {
    ...c,
    kubernetesVersion: "1.20.0",
    apiServerAccess: { ...c.apiServerAccess, authorizedIpRanges: [] },
    identity: { ...c.identity, managedAad: false, azureRbac: false, localAccountsDisabled: false, kubernetesRbac: false },
    network: { ...c.network, policy: "none" },
    workloadIdentity: { workloadIdentityEnabled: false, oidcIssuerEnabled: false, oidcIssuerUrl: null },
    podIdentity: { ...c.podIdentity, podIdentityEnabled: true },
    azurePolicyEnabled: false,
    inCluster: { gatheredAt: "2026-01-01T00:00:00Z", namespaces: [{ name: "team-a", tenant: "a", labels: {} }] },
  };
}

describe("postureScore", () => {
  it("weighs high 10, medium 5, low 2, info 0 and floors", () => {
    expect(postureScore([])).toBe(100);
    expect(postureScore([finding("pass", "high"), finding("fail", "medium")])).toBe(66);
    expect(postureScore([finding("pass", "medium"), finding("fail", "low")])).toBe(71);
    expect(postureScore([finding("pass", "low"), finding("fail", "info")])).toBe(100);
    expect(postureScore([finding("fail", "high")])).toBe(0);
  });

  it("counts an unknown finding as not compliant: it weighs, but never passes", () => {
    expect(postureScore([finding("pass", "high"), finding("unknown", "high")])).toBe(50);
    expect(postureScore([finding("fail", "low"), finding("unknown", "high")])).toBe(0);
    expect(postureScore([finding("unknown", "medium")])).toBe(0);
  });
});

describe("evaluatePosture", () => {
  it("scores a hardened cluster 100 with every rule passing", () => {
    const evaluation = evaluatePosture(hardenedCluster(), context);
    expect(evaluation).toMatchObject({ score: 100, passCount: 11, unknownCount: 0, failing: { high: 0, medium: 0, low: 0, info: 0 } });
    expect(evaluation.findings.map((f) => f.id)).toEqual([
      "api-server-exposure",
      "entra-integration",
      "kubernetes-rbac",
      "azure-rbac",
      "local-accounts-disabled",
      "network-policy",
      "workload-identity",
      "oidc-issuer",
      "azure-policy",
      "pod-security-admission",
      "kubernetes-version",
    ]);
  });

  it("scores a cluster failing everything 0", () => {
    expect(evaluatePosture(worstCluster(), context)).toMatchObject({ score: 0, passCount: 0, failing: { high: 5, medium: 5, low: 1, info: 0 } });
  });

  it("loses 10 of 77 weight points for one high finding", () => {
    const c = hardenedCluster();
    const evaluation = evaluatePosture({ ...c, identity: { ...c.identity, localAccountsDisabled: false } }, context);
    expect(evaluation.score).toBe(Math.floor((100 * 67) / 77));
    expect(evaluation.score).toBe(87);
  });

  it("does not score a private cluster whose in-cluster checks could not run 100: unknown is not compliant", () => {
    const evaluation = evaluatePosture({ ...hardenedCluster(), inCluster: null });
    expect(evaluation).toMatchObject({ unknownCount: 2, passCount: 9, failing: { high: 0, medium: 0, low: 0, info: 0 } });
    expect(evaluation.score).toBeLessThan(100);
  });

  it("writes fixes for this cluster and uses the milder severity of a milder failure", () => {
    const c = hardenedCluster();
    const evaluation = evaluatePosture({ ...c, workloadIdentity: { ...c.workloadIdentity, workloadIdentityEnabled: false }, azurePolicyEnabled: false }, context);
    const byId = new Map(evaluation.findings.map((f) => [f.id, f]));
    expect(byId.get("workload-identity")).toMatchObject({ status: "fail", severity: "low" });
    expect(byId.get("azure-policy")).toMatchObject({
      status: "fail",
      severity: "medium",
      fix: "az aks enable-addons --resource-group rg-prod --name aks-prod --addons azure-policy",
      docsUrl: "https://learn.microsoft.com/azure/aks/use-azure-policy",
    });
    // Passing weight 77 − 5 (workload identity) − 5 (policy) = 67; judged 77 − 5 + 2 (workload identity fails at low) = 74.
    expect(evaluation.score).toBe(Math.floor((100 * 67) / 74));
  });
});
