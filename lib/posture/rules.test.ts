import { describe, expect, it } from "vitest";
import type { Cluster } from "@/lib/clusters/cluster";
import { context, hardenedCluster } from "./cluster-builder.test-helper";
import { postureRules } from "./rules";
import type { PostureRuleId, RuleOutcome } from "./types";

function outcome(id: PostureRuleId, change: (c: Cluster) => Cluster = (c) => c, ctx = context): RuleOutcome {
  const rule = postureRules.find((r) => r.id === id);
  if (!rule) throw new Error(`no rule ${id}`);
  return rule.evaluate(change(hardenedCluster()), ctx);
}

const withAccess = (access: Partial<Cluster["apiServerAccess"]>) => (c: Cluster): Cluster => ({ ...c, apiServerAccess: { ...c.apiServerAccess, ...access } });
const withIdentity = (identity: Partial<Cluster["identity"]>) => (c: Cluster): Cluster => ({ ...c, identity: { ...c.identity, ...identity } });

describe("posture rules", () => {
  it("has unique ids and a learn.microsoft.com link for each rule", () => {
    expect(new Set(postureRules.map((r) => r.id)).size).toBe(postureRules.length);
    for (const rule of postureRules) expect(rule.docsUrl).toMatch(/^https:\/\/learn\.microsoft\.com\/azure\/aks\//);
  });

  it("passes a hardened cluster on every rule", () => {
    for (const rule of postureRules) expect(rule.evaluate(hardenedCluster(), context).status, rule.id).toBe("pass");
  });

  describe("api-server-exposure", () => {
    it("passes a private cluster and a public one behind narrow ranges", () => {
      expect(outcome("api-server-exposure", withAccess({ privateCluster: true, authorizedIpRanges: [] }))).toEqual({ status: "pass", detail: "Private cluster: the API server has only a private IP address." });
      expect(outcome("api-server-exposure")).toEqual({ status: "pass", detail: "The public API server accepts connections only from 2 authorized IP range(s)." });
    });

    it("fails a public cluster with no ranges, or with wide-open ones", () => {
      expect(outcome("api-server-exposure", withAccess({ authorizedIpRanges: [] }))).toEqual({ status: "fail", detail: "The API server is public and accepts connections from any IP address." });
      expect(outcome("api-server-exposure", withAccess({ authorizedIpRanges: ["203.0.113.0/24", "0.0.0.0/0", "20.0.0.0/8"] }))).toEqual({
        status: "fail",
        detail: "The API server is public and its allow-list includes 0.0.0.0/0, 20.0.0.0/8, which lets a large part of the internet (or all of it) through.",
      });
    });
  });

  it("entra-integration", () => {
    expect(outcome("entra-integration").status).toBe("pass");
    expect(outcome("entra-integration", withIdentity({ managedAad: false }))).toEqual({ status: "fail", detail: "AKS-managed Entra integration is off." });
  });

  it("kubernetes-rbac", () => {
    expect(outcome("kubernetes-rbac").status).toBe("pass");
    expect(outcome("kubernetes-rbac", withIdentity({ kubernetesRbac: false }))).toEqual({ status: "fail", detail: "Kubernetes RBAC is disabled." });
  });

  it("azure-rbac", () => {
    expect(outcome("azure-rbac").status).toBe("pass");
    expect(outcome("azure-rbac", withIdentity({ azureRbac: false }))).toEqual({ status: "fail", detail: "Kubernetes authorization relies on in-cluster RoleBindings only." });
    expect(outcome("azure-rbac", withIdentity({ managedAad: false }))).toEqual({ status: "fail", detail: "Azure RBAC needs AKS-managed Entra integration, which is off." });
  });

  it("local-accounts-disabled", () => {
    expect(outcome("local-accounts-disabled").status).toBe("pass");
    expect(outcome("local-accounts-disabled", withIdentity({ localAccountsDisabled: false })).status).toBe("fail");
  });

  it("network-policy", () => {
    const withPolicy = (policy: Cluster["network"]["policy"]) => (c: Cluster): Cluster => ({ ...c, network: { ...c.network, policy } });
    expect(outcome("network-policy", withPolicy("calico"))).toEqual({ status: "pass", detail: "Network policies are enforced by calico." });
    expect(outcome("network-policy", withPolicy("none"))).toEqual({ status: "fail", detail: "No network policy engine: NetworkPolicy objects have no effect." });
    expect(outcome("network-policy", withPolicy("unrecognized")).status).toBe("unknown");
  });

  describe("workload-identity", () => {
    const identities = (podIdentityEnabled: boolean, workloadIdentityEnabled: boolean) => (c: Cluster): Cluster => ({
      ...c,
      podIdentity: { ...c.podIdentity, podIdentityEnabled },
      workloadIdentity: { ...c.workloadIdentity, workloadIdentityEnabled },
    });

    it("fails at medium while pod identity is on, even alongside workload identity", () => {
      expect(outcome("workload-identity", identities(true, true))).toEqual({ status: "fail", detail: "The deprecated pod identity add-on is enabled with 0 identity binding(s)." });
      expect(outcome("workload-identity", identities(true, false)).severity).toBeUndefined();
    });

    it("fails at low when neither is on, and passes with workload identity alone", () => {
      expect(outcome("workload-identity", identities(false, false))).toMatchObject({ status: "fail", severity: "low" });
      expect(outcome("workload-identity", identities(false, true)).status).toBe("pass");
    });
  });

  it("oidc-issuer", () => {
    expect(outcome("oidc-issuer").status).toBe("pass");
    expect(outcome("oidc-issuer", (c) => ({ ...c, workloadIdentity: { ...c.workloadIdentity, oidcIssuerEnabled: false } })).status).toBe("fail");
  });

  it("azure-policy", () => {
    expect(outcome("azure-policy").status).toBe("pass");
    expect(outcome("azure-policy", (c) => ({ ...c, azurePolicyEnabled: false })).status).toBe("fail");
  });

  describe("pod-security-admission", () => {
    const namespaces = (list: { name: string; tenant: string | null; level?: string }[]) => (c: Cluster): Cluster => ({
      ...c,
      inCluster: {
        gatheredAt: "2026-01-01T00:00:00Z",
        namespaces: list.map(({ name, tenant, level }) => {
          const labels: Record<string, string> = level === undefined ? {} : { "pod-security.kubernetes.io/enforce": level };
          return { name, tenant, labels };
        }),
      },
    });

    it("is unknown, not a pass, when the API server was not reachable", () => {
      expect(outcome("pod-security-admission", (c) => ({ ...c, inCluster: null }))).toEqual({
        status: "unknown",
        detail: "The API server was not reachable from the portal, so namespace labels could not be read.",
      });
    });

    it("fails tenant namespaces without an enforced baseline or restricted level", () => {
      const change = namespaces([
        { name: "team-a", tenant: "a", level: "privileged" },
        { name: "team-b", tenant: "b" },
        { name: "team-c", tenant: "c", level: "baseline" },
        { name: "scratch", tenant: null },
      ]);
      expect(outcome("pod-security-admission", change)).toEqual({ status: "fail", detail: "No baseline or restricted Pod Security level enforced on: team-a, team-b." });
    });

    it("without tenants yet, checks every non-system namespace", () => {
      const change = namespaces([{ name: "kube-system", tenant: null }, { name: "default", tenant: null }, { name: "gatekeeper-system", tenant: null }, { name: "payments", tenant: null }]);
      expect(outcome("pod-security-admission", change)).toMatchObject({ status: "fail", detail: "No baseline or restricted Pod Security level enforced on: payments." });
      expect(outcome("pod-security-admission", namespaces([{ name: "kube-system", tenant: null }])).status).toBe("pass");
    });
  });

  describe("kubernetes-version", () => {
    it("passes a supported minor version and fails one outside the window", () => {
      expect(outcome("kubernetes-version")).toEqual({ status: "pass", detail: "Kubernetes 1.32.4 is supported in westeurope." });
      expect(outcome("kubernetes-version", (c) => ({ ...c, kubernetesVersion: "1.29.9" }))).toEqual({
        status: "fail",
        detail: "Kubernetes 1.29.9 is outside the versions AKS supports in westeurope (1.31, 1.32, 1.33).",
      });
    });

    it("is unknown without the supported versions for the location", () => {
      expect(outcome("kubernetes-version", (c) => c, {}).status).toBe("unknown");
      expect(outcome("kubernetes-version", (c) => ({ ...c, location: "eastus" })).status).toBe("unknown");
      expect(outcome("kubernetes-version", (c) => ({ ...c, kubernetesVersion: null })).status).toBe("unknown");
    });
  });
});
