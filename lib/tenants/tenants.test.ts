import { describe, expect, it } from "vitest";
import { environmentRequestForm } from "./environment-form";
import { checkEnvironmentName, checkNamespace, isDns1123Label, reservedNamespaces } from "./environment-names";
import { diffFields } from "./field-diff";
import { classifyObject, describePlanSummary, summarizePlan } from "./plan";
import { renderEnvironment } from "./render-environment";
import { isReservedName, checkTenantSlug } from "./tenant-names";
import { environmentTemplates, templateNames } from "./templates";

const orion = { slug: "orion", ownerGroupId: "0b6f4bb8-6f83-4d53-9e85-6d3a2c1d0001", memberGroupIds: ["0b6f4bb8-6f83-4d53-9e85-6d3a2c1d0002"] };

describe("environment names", () => {
  it.each(["dev", "prod", "qa-2", "a"])("accepts %s", (name) => expect(checkEnvironmentName(name)).toEqual({ ok: true }));
  it.each([["", "Enter"], ["Dev", "lower-case"], ["-dev", "lower-case"], ["dev_1", "lower-case"], ["x".repeat(21), "at most 20"]])("refuses %j", (name, message) => {
    const check = checkEnvironmentName(name);
    expect(check.ok).toBe(false);
    expect(check.ok ? "" : check.message).toContain(message);
  });
  it("refuses reserved and overlong namespaces", () => {
    expect(checkNamespace("kube-system")).toMatchObject({ ok: false });
    expect(checkNamespace("kube-anything")).toMatchObject({ ok: false });
    expect(checkNamespace(`${"a".repeat(60)}-dev`)).toMatchObject({ ok: false });
    expect(checkNamespace("orion-dev")).toEqual({ ok: true });
  });
  // One list: a name the cluster owns is refused as a namespace, as a tenant slug and for adoption alike.
  it.each(reservedNamespaces)("refuses %s as a namespace and as a tenant slug", (name) => {
    expect(checkNamespace(name)).toMatchObject({ ok: false, message: expect.stringContaining("reserved") });
    expect(checkTenantSlug(name)).toMatchObject({ ok: false, message: expect.stringContaining("reserved") });
    expect(isReservedName(name)).toBe(true);
  });
});

describe("renderEnvironment", () => {
  it.each(templateNames)("renders the %s template into valid, labelled objects in <slug>-<env>", (name) => {
    const rendered = renderEnvironment(orion, "dev", environmentTemplates[name]);
    expect(rendered.namespace).toBe("orion-dev");
    expect(rendered.objects.map((object) => object.kind)).toEqual([
      "Namespace",
      "ResourceQuota",
      "LimitRange",
      "NetworkPolicy",
      "NetworkPolicy",
      "NetworkPolicy",
      "NetworkPolicy",
      "RoleBinding",
      "RoleBinding",
    ]);
    for (const object of rendered.objects) {
      expect(isDns1123Label(object.metadata.name)).toBe(true);
      expect(object.metadata.labels).toMatchObject({ "app.kubernetes.io/managed-by": "clusterdesk", "clusterdesk.io/tenant": "orion", "clusterdesk.io/environment": "dev" });
      if (object.kind !== "Namespace") expect(object.metadata.namespace).toBe("orion-dev");
    }
  });

  it("sets Pod Security levels, the quota and the role bindings from the template and the tenant", () => {
    const { objects } = renderEnvironment(orion, "prod", environmentTemplates.restricted);
    const [namespace, quota] = objects;
    expect(namespace?.metadata.labels).toMatchObject({ "pod-security.kubernetes.io/enforce": "restricted", "pod-security.kubernetes.io/warn": "restricted", "pod-security.kubernetes.io/audit": "restricted" });
    expect(quota?.spec).toEqual({ hard: environmentTemplates.restricted.quota });
    const bindings = objects.filter((object) => object.kind === "RoleBinding");
    expect(bindings.map((binding) => [binding.roleRef, binding.subjects])).toEqual([
      [{ apiGroup: "rbac.authorization.k8s.io", kind: "ClusterRole", name: "admin" }, [{ apiGroup: "rbac.authorization.k8s.io", kind: "Group", name: orion.ownerGroupId }]],
      [{ apiGroup: "rbac.authorization.k8s.io", kind: "ClusterRole", name: "edit" }, [{ apiGroup: "rbac.authorization.k8s.io", kind: "Group", name: orion.memberGroupIds[0] }]],
    ]);
  });

  it("denies all traffic by default and allows the namespace, the tenant's namespaces and DNS", () => {
    const policies = renderEnvironment(orion, "dev", environmentTemplates.standard).objects.filter((object) => object.kind === "NetworkPolicy");
    expect(policies.map((policy) => policy.spec)).toEqual([
      { podSelector: {}, policyTypes: ["Ingress", "Egress"] },
      { podSelector: {}, policyTypes: ["Ingress", "Egress"], ingress: [{ from: [{ podSelector: {} }] }], egress: [{ to: [{ podSelector: {} }] }] },
      {
        podSelector: {},
        policyTypes: ["Ingress", "Egress"],
        ingress: [{ from: [{ namespaceSelector: { matchLabels: { "clusterdesk.io/tenant": "orion" } } }] }],
        egress: [{ to: [{ namespaceSelector: { matchLabels: { "clusterdesk.io/tenant": "orion" } } }] }],
      },
      {
        podSelector: {},
        policyTypes: ["Ingress", "Egress"],
        egress: [
          {
            to: [{ namespaceSelector: { matchLabels: { "kubernetes.io/metadata.name": "kube-system" } }, podSelector: { matchLabels: { "k8s-app": "kube-dns" } } }],
            ports: [
              { protocol: "UDP", port: 53 },
              { protocol: "TCP", port: 53 },
            ],
          },
        ],
      },
    ]);
  });

  it("leaves out the members' binding when the tenant has no member groups", () => {
    const { objects } = renderEnvironment({ ...orion, memberGroupIds: [] }, "dev", environmentTemplates.sandbox);
    expect(objects.filter((object) => object.kind === "RoleBinding").map((object) => object.metadata.name)).toEqual(["clusterdesk-owners-admin"]);
  });
});

describe("plan classification", () => {
  const rendered = renderEnvironment(orion, "dev", environmentTemplates.standard);
  const quota = rendered.objects[1];
  if (!quota) throw new Error("no quota rendered");
  const served = (object: object, extra: object = {}) => ({ ...object, metadata: { ...(object as { metadata: object }).metadata, uid: "u1", resourceVersion: "7", managedFields: [{ manager: "clusterdesk" }] }, status: { used: { pods: "3" } }, ...extra });

  it("creates what is absent", () => {
    expect(classifyObject({ intended: quota, live: null, proposed: null }, "orion")).toMatchObject({ key: "ResourceQuota orion-dev/clusterdesk-quota", action: "create", changes: [] });
  });

  it("is unchanged when the dry run gives back the live object, bookkeeping aside", () => {
    const live = served(quota);
    expect(classifyObject({ intended: quota, live, proposed: { ...live, metadata: { ...live.metadata, resourceVersion: "8" } } }, "orion")).toMatchObject({ action: "unchanged", changes: [] });
  });

  it("updates with a field diff of what changes, including fields the template no longer sets", () => {
    const live = served({ ...quota, spec: { hard: { ...environmentTemplates.standard.quota, pods: "20", "count/configmaps": "5" } } });
    const step = classifyObject({ intended: quota, live, proposed: served(quota) }, "orion");
    expect(step.action).toBe("update");
    expect(step.changes).toEqual([
      { path: "spec.hard.count/configmaps", before: "5", after: null },
      { path: "spec.hard.pods", before: "20", after: "50" },
    ]);
  });

  it("is a conflict when the object is not Clusterdesk's or belongs to another tenant", () => {
    const namespace = rendered.objects[0];
    if (!namespace) throw new Error("no namespace rendered");
    const foreign = classifyObject({ intended: namespace, live: { metadata: { name: "orion-dev", labels: { team: "x" } } }, proposed: null }, "orion");
    expect(foreign).toMatchObject({ action: "conflict", reason: expect.stringContaining("not made by Clusterdesk") });
    const other = classifyObject({ intended: namespace, live: { metadata: { name: "orion-dev", labels: { "app.kubernetes.io/managed-by": "clusterdesk", "clusterdesk.io/tenant": "vega" } } }, proposed: null }, "orion");
    expect(other).toMatchObject({ action: "conflict", reason: "Namespace orion-dev belongs to tenant vega." });
  });

  it("summarises a plan in words", () => {
    expect(describePlanSummary(summarizePlan([]))).toBe("No changes: the environment is as the template describes it.");
    expect(describePlanSummary({ create: 2, update: 1, unchanged: 3, conflict: 0 })).toBe("2 to create, 1 to update, 3 unchanged.");
    expect(describePlanSummary({ create: 2, update: 0, unchanged: 0, conflict: 1 })).toContain("1 conflict:");
  });

  it("diffs arrays element by element", () => {
    expect(diffFields({ subjects: [{ name: "a" }] }, { subjects: [{ name: "a" }, { name: "b" }] })).toEqual([{ path: "subjects[1].name", before: null, after: "b" }]);
  });
});

describe("environment request form", () => {
  const valid = { tenantSlug: "orion", environment: "dev", clusterId: "/subscriptions/x", template: "standard", justification: "first environment" };
  it("accepts a complete form", () => expect(environmentRequestForm.safeParse(valid).success).toBe(true));
  it("names each bad field with a clear message", () => {
    const parsed = environmentRequestForm.safeParse({ ...valid, environment: "Dev!", template: "Huge!", justification: "x" });
    expect(parsed.success).toBe(false);
    const messages = Object.fromEntries((parsed.error?.issues ?? []).map((issue) => [String(issue.path[0]), issue.message]));
    expect(messages).toEqual({ environment: expect.stringContaining("lower-case"), template: "Choose a template.", justification: expect.stringContaining("at least 5") });
  });
});
