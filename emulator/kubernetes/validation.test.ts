import { describe, expect, it } from "vitest";
import { findResourceType } from "./resources";
import { dns1123LabelErrors, dns1123SubdomainErrors, isQuantity, nameErrors, quantityErrors } from "./validation";

const type = (group: string, resource: string) => {
  const found = findResourceType(group, "v1", resource);
  if (!found) throw new Error(resource);
  return found;
};

describe("names", () => {
  it("checks DNS-1123 labels and subdomains", () => {
    expect(dns1123LabelErrors("payments-dev")).toEqual([]);
    expect(dns1123LabelErrors("a.b")).toHaveLength(1);
    expect(dns1123LabelErrors("a".repeat(64))).toEqual(["must be no more than 63 characters"]);
    expect(dns1123SubdomainErrors("a.b-c")).toEqual([]);
    expect(dns1123SubdomainErrors("-a")).toHaveLength(1);
    expect(dns1123SubdomainErrors("Upper")).toHaveLength(1);
  });
  it("applies the rule of each kind", () => {
    expect(nameErrors(type("", "namespaces"), "a.b")).toHaveLength(1);
    expect(nameErrors(type("", "configmaps"), "a.b")).toEqual([]);
    expect(nameErrors(type("rbac.authorization.k8s.io", "clusterroles"), "system:aggregate-to-view")).toEqual([]);
    expect(nameErrors(type("rbac.authorization.k8s.io", "roles"), "a/b")).toHaveLength(1);
  });
});

describe("quantities", () => {
  it.each(["1", "100m", "1.5", "8Gi", "512Mi", "1e3", "0", "+1", ".5"])("accepts %s", (value) => expect(isQuantity(value)).toBe(true));
  it.each(["", "lots", "1Gb", "1..2", "Gi", "1 Gi"])("rejects %s", (value) => expect(isQuantity(value)).toBe(false));
  it("reports quota and limit range fields with their paths", () => {
    expect(quantityErrors(type("", "resourcequotas"), { spec: { hard: { cpu: "x", pods: "10" } } }).map((error) => error.field)).toEqual(["spec.hard[cpu]"]);
    expect(
      quantityErrors(type("", "limitranges"), { spec: { limits: [{ type: "Container", default: { cpu: "-1" }, max: { memory: "1Gi" } }] } }).map((error) => [error.field, error.detail]),
    ).toEqual([["spec.limits[0].default[cpu]", "must be greater than or equal to 0"]]);
  });
});
