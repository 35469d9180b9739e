import { describe, expect, it } from "vitest";
import { driftOf } from "./drift";
import type { PlanStep } from "./plan";

const step = (key: string, action: PlanStep["action"], extra: Partial<PlanStep> = {}): PlanStep => ({ key, kind: key.split(" ")[0] ?? "", name: "x", namespace: "lyra-dev", action, changes: [], reason: null, ...extra });

describe("drift from a plan", () => {
  it("is in sync when every object is unchanged", () => {
    expect(driftOf([step("Namespace lyra-dev", "unchanged"), step("ResourceQuota lyra-dev/clusterdesk-quota", "unchanged")])).toEqual({ state: "in-sync" });
  });

  it("names each object changed, deleted or taken over outside Clusterdesk", () => {
    const drift = driftOf([
      step("Namespace lyra-dev", "unchanged"),
      step("ResourceQuota lyra-dev/clusterdesk-quota", "update", { changes: [{ path: "spec.hard.pods", before: "99", after: "10" }, { path: "metadata.labels.team", before: "x", after: null }] }),
      step("NetworkPolicy lyra-dev/clusterdesk-default-deny", "create"),
      step("ManagedNamespace lyra-dev", "conflict", { reason: "lyra-dev is not Clusterdesk's.", via: "arm" }),
    ]);
    expect(drift).toEqual({
      state: "drifted",
      objects: [
        { key: "ResourceQuota lyra-dev/clusterdesk-quota", via: "kubernetes", what: "spec.hard.pods: 99 → 10; metadata.labels.team: x → (none)" },
        { key: "NetworkPolicy lyra-dev/clusterdesk-default-deny", via: "kubernetes", what: "missing: deleted outside Clusterdesk" },
        { key: "ManagedNamespace lyra-dev", via: "arm", what: "lyra-dev is not Clusterdesk's." },
      ],
    });
  });
});
