import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Cluster } from "@/lib/clusters/cluster";
import { anyCluster, context } from "./cluster-builder.test-helper";
import { evaluatePosture } from "./evaluate";
import { SEVERITY_WEIGHTS } from "./score";
import type { PostureRuleId } from "./types";

/** What an admin does to fix each rule (e.g. `az aks update --enable-azure-rbac`), as a change to the model. */
const remedies: Record<PostureRuleId, (c: Cluster) => Cluster> = {
  "api-server-exposure": (c) => ({ ...c, apiServerAccess: { ...c.apiServerAccess, authorizedIpRanges: ["203.0.113.0/24"] } }),
  "entra-integration": (c) => ({ ...c, identity: { ...c.identity, managedAad: true } }),
  "kubernetes-rbac": (c) => ({ ...c, identity: { ...c.identity, kubernetesRbac: true } }),
  "azure-rbac": (c) => ({ ...c, identity: { ...c.identity, managedAad: true, azureRbac: true } }),
  "local-accounts-disabled": (c) => ({ ...c, identity: { ...c.identity, localAccountsDisabled: true } }),
  "network-policy": (c) => ({ ...c, network: { ...c.network, policy: "azure" } }),
  "workload-identity": (c) => ({
    ...c,
    workloadIdentity: { ...c.workloadIdentity, workloadIdentityEnabled: true, oidcIssuerEnabled: true },
    podIdentity: { ...c.podIdentity, podIdentityEnabled: false },
  }),
  "oidc-issuer": (c) => ({ ...c, workloadIdentity: { ...c.workloadIdentity, oidcIssuerEnabled: true } }),
  "azure-policy": (c) => ({ ...c, azurePolicyEnabled: true }),
  "pod-security-admission": (c) => ({
    ...c,
    inCluster: c.inCluster && {
      ...c.inCluster,
      namespaces: c.inCluster.namespaces.map((ns) => ({ ...ns, labels: { ...ns.labels, "pod-security.kubernetes.io/enforce": "restricted" } })),
    },
  }),
  "kubernetes-version": (c) => ({ ...c, kubernetesVersion: "1.32.4" }),
};

describe("posture score properties", () => {
  it("fixing any failing rule makes it pass and never lowers the score", () => {
    fc.assert(
      fc.property(anyCluster, (cluster) => {
        const before = evaluatePosture(cluster, context);
        for (const finding of before.findings.filter((f) => f.status === "fail")) {
          const after = evaluatePosture(remedies[finding.id](cluster), context);
          expect(after.findings.find((f) => f.id === finding.id)?.status).toBe("pass");
          expect(after.score).toBeGreaterThanOrEqual(before.score);
        }
      }),
    );
  });

  it("stays within 0–100 and is 100 exactly when every weighted rule was checked and passed", () => {
    fc.assert(
      fc.property(anyCluster, (cluster) => {
        const { score, findings } = evaluatePosture(cluster, context);
        expect(score).toBeGreaterThanOrEqual(0);
        expect(score).toBeLessThanOrEqual(100);
        // Unknown is not compliant: 100 only when every weighted rule was checked and passed.
        expect(score === 100).toBe(findings.every((f) => f.status === "pass" || SEVERITY_WEIGHTS[f.severity] === 0));
      }),
    );
  });
});
