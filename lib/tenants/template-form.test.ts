import { describe, expect, it } from "vitest";
import { renderEnvironment } from "./render-environment";
import { templateContent } from "./template-content";
import { contentOf, templateForm, templateFormValues } from "./template-form";
import { environmentTemplates, templateNames } from "./templates";
import { fieldErrorsOf } from "./tenant-form";

const standardValues = () => ({ ...templateFormValues(environmentTemplates.standard), name: "batch", label: "Batch" });
const errorsOf = (values: Record<string, string | undefined>) => {
  const parsed = templateForm.safeParse(values);
  return parsed.success ? {} : fieldErrorsOf(parsed.error);
};

describe("the template form", () => {
  it.each(templateNames)("reads the built-in %s template back from its own form values unchanged", (name) => {
    expect(templateForm.parse(templateFormValues(environmentTemplates[name]))).toEqual(environmentTemplates[name]);
    expect(templateContent.parse(contentOf(environmentTemplates[name]))).toEqual(contentOf(environmentTemplates[name]));
  });

  it("names the field of a quota that is not a Kubernetes quantity", () => {
    expect(errorsOf({ ...standardValues(), "requests.cpu": "2 cores" })).toEqual({
      "requests.cpu": 'requests.cpu: "2 cores" is not a Kubernetes quantity: use a number with an optional suffix, e.g. 500m, 2, 4Gi or 100M.',
    });
    expect(errorsOf({ ...standardValues(), pods: "2.5", "requests.storage": "-1Gi" })).toEqual({
      pods: "pods counts objects: use a whole number, e.g. 10.",
      "requests.storage": "requests.storage cannot be negative.",
    });
    expect(errorsOf({ ...standardValues(), "limits.memory": "" })["limits.memory"]).toContain("limits.memory");
  });

  it("names bad container defaults, and a default request above its limit", () => {
    expect(errorsOf({ ...standardValues(), defaultLimitMemory: "half a gig" })).toEqual({ defaultLimitMemory: expect.stringContaining('Default memory limit: "half a gig" is not a Kubernetes quantity') });
    expect(errorsOf({ ...standardValues(), defaultRequestCpu: "2", defaultLimitCpu: "500m" })).toEqual({ defaultRequestCpu: "The default cpu request (2) is above the default cpu limit (500m)." });
  });

  it("refuses names that are not DNS-1123 labels or too long", () => {
    expect(errorsOf({ ...standardValues(), name: "Batch_Jobs" }).name).toContain("lower-case letters");
    expect(errorsOf({ ...standardValues(), name: "a".repeat(31) }).name).toBe("A template name has at most 30 characters.");
    expect(errorsOf({ ...standardValues(), label: " " }).label).toBe("Enter a display name.");
  });

  it("needs both the taint and the label of a dedicated pool, as Kubernetes keys and values", () => {
    expect(errorsOf({ ...standardValues(), taintKey: "clusterdesk.io/dedicated", taintValue: "batch" })).toEqual({ poolLabelKey: expect.stringContaining("needs both the taint to tolerate and the label to select") });
    expect(errorsOf({ ...standardValues(), taintKey: "bad key!", taintValue: "x", poolLabelKey: "pool", poolLabelValue: "not ok/" })).toEqual({
      taintKey: expect.stringContaining("is not a Kubernetes label key"),
      poolLabelValue: expect.stringContaining("is not a Kubernetes label value"),
    });
    const placed = templateForm.parse({ ...standardValues(), taintKey: "clusterdesk.io/dedicated", taintValue: "batch", taintEffect: "NoExecute", poolLabelKey: "clusterdesk.io/pool", poolLabelValue: "batch" });
    expect(placed.placement).toEqual({ taint: { key: "clusterdesk.io/dedicated", value: "batch", effect: "NoExecute" }, label: { key: "clusterdesk.io/pool", value: "batch" } });
  });

  it("refuses Pod Security levels that do not exist and the cluster's own namespaces as the ingress namespace", () => {
    expect(errorsOf({ ...standardValues(), enforce: "strict" }).enforce).toBe("Choose privileged, baseline or restricted.");
    expect(errorsOf({ ...standardValues(), ingressNamespace: "kube-system" }).ingressNamespace).toContain("the cluster's own namespace");
    expect(templateForm.parse({ ...standardValues(), ingressNamespace: "app-routing-system" }).ingressNamespace).toBe("app-routing-system");
  });
});

describe("the optional allow-from-ingress policy", () => {
  const tenant = { slug: "lyra", ownerGroupId: "owners", memberGroupIds: [] };
  it("is rendered only when the template names an ingress namespace, selecting it by its name label", () => {
    const policyNames = (ingressNamespace: string | null) =>
      renderEnvironment(tenant, "dev", { ...environmentTemplates.standard, ingressNamespace }).objects.filter((object) => object.kind === "NetworkPolicy").map((object) => object.metadata.name);
    expect(policyNames(null)).not.toContain("clusterdesk-allow-ingress");
    expect(policyNames("ingress-nginx")).toContain("clusterdesk-allow-ingress");
    const policy = renderEnvironment(tenant, "dev", { ...environmentTemplates.standard, ingressNamespace: "ingress-nginx" }).objects.find((object) => object.metadata.name === "clusterdesk-allow-ingress");
    expect(policy?.spec).toEqual({ podSelector: {}, policyTypes: ["Ingress", "Egress"], ingress: [{ from: [{ namespaceSelector: { matchLabels: { "kubernetes.io/metadata.name": "ingress-nginx" } } }] }] });
  });
});
