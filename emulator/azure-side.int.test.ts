import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { builtInRoleGuids } from "./arm/built-in-roles";
import type { KubernetesSide } from "./contracts";
import { demoGroups, demoSubscriptions, demoUsers } from "./seed/organisation";
import { clusterResourceId } from "./state";
import { startTestEmulator, type TestEmulator } from "./test-support/start-test-emulator";

/** The seam the Kubernetes side builds on (emulator/contracts.ts), exercised with a stub side. */
let emulator: TestEmulator;
const handled: string[] = [];
const stubSide: KubernetesSide = {
  async handle(_request, response, cluster, path) {
    handled.push(`${cluster.name} ${path}`);
    response.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ major: "1", minor: "32" }));
  },
  reset: () => handled.push("reset"),
};

beforeAll(async () => {
  emulator = await startTestEmulator({ kubernetes: () => stubSide });
});
afterAll(() => emulator.dispose());

describe("AzureSideForKubernetes", () => {
  const sharedDev = clusterResourceId(demoSubscriptions.nonProduction, "rg-dev", "aks-shared-dev");

  it("describes clusters", () => {
    const clusters = emulator.azure.listClusters();
    expect(clusters.length).toBeGreaterThanOrEqual(6);
    expect(emulator.azure.cluster({ subscriptionId: demoSubscriptions.nonProduction, resourceGroup: "rg-dev", name: "aks-legacy-podid" })).toMatchObject({ podIdentityEnabled: true, azureRbac: false, managedAad: true });
    expect(clusters.find((c) => c.name === "aks-search-prod")?.agentPools.find((p) => p.name === "gpu")?.nodeTaints).toEqual(["nvidia.com/gpu=present:NoSchedule"]);
  });

  it("lists the assignments at namespace, cluster and ancestor scopes for a principal's ids", () => {
    const assignments = emulator.azure.roleAssignmentsAffecting(sharedDev, [demoUsers.member, demoGroups.paymentsMembers, demoGroups.allEngineering]);
    expect(assignments.map((a) => [a.scope.replace(sharedDev, "{cluster}"), a.roleDefinitionId.split("/").pop()])).toEqual(
      expect.arrayContaining([
        ["{cluster}/namespaces/payments-dev", builtInRoleGuids.aksRbacWriter],
        ["{cluster}", builtInRoleGuids.aksClusterUser],
      ]),
    );
    expect(assignments.every((a) => !a.scope.includes("search-dev"))).toBe(true);
    expect(emulator.azure.roleDefinition(builtInRoleGuids.aksRbacWriter)?.roleName).toBe("Azure Kubernetes Service RBAC Writer");
  });

  it("mounts the Kubernetes side under /k8s and resets it", async () => {
    const response = await fetch(`${emulator.url}/k8s/${demoSubscriptions.nonProduction}/rg-dev/aks-shared-dev/version?x=1`);
    expect(response.status).toBe(200);
    expect(handled).toContain("aks-shared-dev /version?x=1");
    const unknown = await fetch(`${emulator.url}/k8s/${demoSubscriptions.nonProduction}/rg-dev/nope/version`);
    expect(((await unknown.json()) as { kind: string; code: number })).toMatchObject({ kind: "Status", code: 404 });
    emulator.reset();
    expect(handled).toContain("reset");
  });
});
