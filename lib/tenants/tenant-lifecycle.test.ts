import { describe, expect, it } from "vitest";
import { describeOffboarding } from "./describe-lifecycle-request";
import { clusterdeskMetadataKeys, isClusterdeskRoleBinding, offboardingSteps } from "./offboarding";
import { parseQuantity } from "./quantity";
import { checkQuota } from "./quota";
import { tenantCreateForm, tenantFormValues } from "./tenant-form";
import { checkTenantSlug, maxTenantSlugLength } from "./tenant-names";

describe("parseQuantity", () => {
  it.each([
    ["500m", 0.5],
    ["2", 2],
    ["1.5", 1.5],
    [".5", 0.5],
    ["4Gi", 4 * 2 ** 30],
    ["128Mi", 128 * 2 ** 20],
    ["1Ki", 1024],
    ["100M", 1e8],
    ["1k", 1000],
    ["1e3", 1000],
    ["1E3", 1000],
    ["2E", 2e18],
    ["5n", 5e-9],
    ["-1", -1],
    ["+3", 3],
  ])("reads %s as %d", (text, value) => {
    const parsed = parseQuantity(text);
    expect(parsed.ok).toBe(true);
    expect(parsed.ok && Math.abs(parsed.value - value) <= Math.abs(value) * 1e-12).toBe(true);
  });

  it.each(["", "abc", "1.2.3", "4GB", "4gi", "1K", "2 Gi", "Gi", "1e", "1e3.5", "--1", "1m2"])("refuses %j with a clear message", (text) => {
    const parsed = parseQuantity(text);
    expect(parsed).toMatchObject({ ok: false, message: expect.stringContaining("not a Kubernetes quantity") });
  });
});

describe("checkQuota", () => {
  it("accepts a template's quota", () => {
    expect(checkQuota({ "requests.cpu": "4", "limits.memory": "16Gi", pods: "50", "requests.storage": "100Gi" })).toEqual({ ok: true });
  });
  it("names each bad entry", () => {
    const check = checkQuota({ "requests.cpu": "four", pods: "2.5", "limits.memory": "-1Gi", "nvidia.com/gpu": "1" });
    expect(check.ok).toBe(false);
    if (check.ok) return;
    expect(check.errors["requests.cpu"]).toContain("not a Kubernetes quantity");
    expect(check.errors.pods).toContain("whole number");
    expect(check.errors["limits.memory"]).toContain("negative");
    expect(check.errors["nvidia.com/gpu"]).toContain("not a quota Clusterdesk manages");
  });
});

describe("checkTenantSlug", () => {
  it.each(["orion", "team-42", "a", "x".repeat(maxTenantSlugLength)])("accepts %s", (slug) => expect(checkTenantSlug(slug)).toEqual({ ok: true }));
  it.each([
    ["", "Enter"],
    ["Orion", "DNS-1123"],
    ["-orion", "DNS-1123"],
    ["orion-", "DNS-1123"],
    ["or_ion", "DNS-1123"],
    ["orion.dev", "DNS-1123"],
    ["x".repeat(maxTenantSlugLength + 1), "at most 40"],
    ["kube-system", "reserved"],
    ["default", "reserved"],
    ["kube-public", "reserved"],
    ["kube-node-lease", "reserved"],
    ["gatekeeper-system", "reserved"],
    ["calico-system", "reserved"],
    ["kube-anything", "reserved"],
  ])("refuses %j", (slug, message) => {
    const check = checkTenantSlug(slug);
    expect(check.ok ? "" : check.message).toContain(message);
  });
});

describe("tenantCreateForm", () => {
  const owner = "0B6F4BB8-6F83-4D53-9E85-6D3A2C1D0001";
  const form = (fields: Record<string, string>, members: string[] = []) => {
    const data = new FormData();
    for (const [name, value] of Object.entries({ slug: "orion", displayName: "Orion", ownerGroupId: owner, contacts: "", costCentre: "", ...fields })) data.set(name, value);
    for (const member of members) data.append("memberGroupIds", member);
    return tenantCreateForm.safeParse(tenantFormValues(data));
  };

  it("normalises groups, contacts and an empty cost centre", () => {
    const parsed = form({ contacts: "a@contoso.example, b@contoso.example\nc@contoso.example" }, ["0b6f4bb8-6f83-4d53-9e85-6d3a2c1d0002", ""]);
    expect(parsed.success && parsed.data).toMatchObject({
      slug: "orion",
      ownerGroupId: owner.toLowerCase(),
      memberGroupIds: ["0b6f4bb8-6f83-4d53-9e85-6d3a2c1d0002"],
      contacts: ["a@contoso.example", "b@contoso.example", "c@contoso.example"],
      costCentre: null,
    });
  });

  it("refuses a reserved slug, a missing owner group and a bad contact, naming the fields", () => {
    const parsed = form({ slug: "kube-system", ownerGroupId: "", contacts: "not-a-mail" });
    expect(parsed.success).toBe(false);
    const fields = parsed.error?.issues.map((issue) => issue.path[0]);
    expect(fields).toEqual(expect.arrayContaining(["slug", "ownerGroupId", "contacts"]));
  });
});

describe("offboarding", () => {
  it("finds exactly Clusterdesk's labels and annotations, keeping Pod Security and others'", () => {
    expect(
      clusterdeskMetadataKeys(
        { "app.kubernetes.io/managed-by": "clusterdesk", "clusterdesk.io/tenant": "orion", "pod-security.kubernetes.io/enforce": "baseline", team: "orion" },
        { "clusterdesk.io/request": "7", "example.com/owner": "orion" },
      ),
    ).toEqual({ labels: ["app.kubernetes.io/managed-by", "clusterdesk.io/tenant"], annotations: ["clusterdesk.io/request"] });
    // Someone else's managed-by is theirs.
    expect(clusterdeskMetadataKeys({ "app.kubernetes.io/managed-by": "Helm" }, {}).labels).toEqual([]);
  });

  const orionDev = { clusterName: "aks-a", clusterResourceId: "/a", namespace: "orion-dev", exists: true, roleBindings: ["clusterdesk-owners-admin"], labels: ["clusterdesk.io/tenant"], annotations: [] };
  const orionOld = { clusterName: "aks-b", clusterResourceId: "/b", namespace: "orion-old", exists: false, roleBindings: [], labels: [], annotations: [] };
  const plan = {
    environments: [orionDev, orionOld],
    grants: [{ id: "g1", role: "writer", principalName: "Orion devs", namespace: "orion-dev" }],
  };

  it("deletes each existing namespace after revoking grants, and archives last", () => {
    expect(offboardingSteps(plan, "delete").map((step) => step.key)).toEqual(["grant g1", "delete /a/orion-dev", "forget /a/orion-dev", "forget /b/orion-old", "archive"]);
  });

  it("with keep, removes only Clusterdesk's RoleBindings and labels", () => {
    expect(offboardingSteps(plan, "keep").map((step) => step.key)).toEqual(["grant g1", "rolebinding /a/orion-dev/clusterdesk-owners-admin", "strip /a/orion-dev", "forget /a/orion-dev", "forget /b/orion-old", "archive"]);
    expect(isClusterdeskRoleBinding("clusterdesk-edit-0b6f")).toBe(true);
    expect(isClusterdeskRoleBinding("their-own")).toBe(false);
  });

  // An environment on an Azure-RBAC cluster with a workload identity, as offboarding-plan.ts reads it.
  const arm = {
    managedNamespace: { deletePolicy: "Keep" },
    roleAssignments: [
      { id: "/a/namespaces/orion-dev/providers/Microsoft.Authorization/roleAssignments/r-owner", role: "admin", principalId: "owners" },
      { id: "/a/namespaces/orion-dev/providers/Microsoft.Authorization/roleAssignments/r-member", role: "writer", principalId: "members" },
    ],
    identity: { name: "clusterdesk-aks-a-orion-dev", federatedCredentials: ["orion-dev-workload"] },
  };
  const azurePlan = { ...plan, environments: [{ ...orionDev, arm }, { ...orionOld, arm: { managedNamespace: null, roleAssignments: [], identity: null } }] };
  const azureSteps = ["roleassignment /a/orion-dev/r-owner", "roleassignment /a/orion-dev/r-member", "credential /a/orion-dev/orion-dev-workload", "identity /a/orion-dev", "managednamespace /a/orion-dev"];

  it("removes an environment's Azure resources after the grants: access first, the managed namespace last, then the namespace itself", () => {
    expect(offboardingSteps(azurePlan, "delete").map((step) => step.key)).toEqual(["grant g1", ...azureSteps, "delete /a/orion-dev", "forget /a/orion-dev", "forget /b/orion-old", "archive"]);
    expect(offboardingSteps(azurePlan, "delete").find((step) => step.key === "managednamespace /a/orion-dev")?.description).toContain("delete policy Delete");
  });

  it("with keep, lets ARM release the managed namespace before stripping Clusterdesk's labels (ARM would put them back)", () => {
    const steps = offboardingSteps(azurePlan, "keep");
    expect(steps.map((step) => step.key)).toEqual(["grant g1", ...azureSteps, "rolebinding /a/orion-dev/clusterdesk-owners-admin", "strip /a/orion-dev", "forget /a/orion-dev", "forget /b/orion-old", "archive"]);
    expect(steps.find((step) => step.key === "managednamespace /a/orion-dev")?.description).toContain("delete policy Keep (the namespace stays");
  });
});

describe("describing lifecycle requests", () => {
  it("lists an offboarding's steps in order for the approver", () => {
    const text = describeOffboarding({
      tenantSlug: "orion",
      deletePolicy: "keep",
      plan: {
        environments: [{ clusterResourceId: "/a", clusterName: "aks-a", namespace: "orion-dev", exists: true, contents: [{ kind: "ConfigMap", count: 2, names: ["a", "b"] }], roleBindings: ["clusterdesk-owners-admin"], labels: ["clusterdesk.io/tenant"], annotations: [] }],
        grants: [],
      },
    });
    expect(text).toContain("keeping its namespaces and workloads");
    expect(text).toContain("orion-dev on aks-a (2 ConfigMap)");
    expect(text).toMatch(/1\. Delete RoleBinding clusterdesk-owners-admin in orion-dev on aks-a\. 2\. Remove Clusterdesk's labels .* 4\. Archive the tenant/);
  });
});
