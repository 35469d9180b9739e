import { expect, it } from "vitest";
import { demoClusterSpecs } from "../../seed/clusters";
import { namespacePlan } from "./tenant-plan";

it("places tenant namespaces only on clusters the Azure side seeds", () => {
  const seeded = new Set(demoClusterSpecs.map((spec) => spec.name));
  expect(namespacePlan.map((entry) => entry.cluster).filter((cluster) => !seeded.has(cluster))).toEqual([]);
});
