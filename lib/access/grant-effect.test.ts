import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decideEffect, describeAction, describeEffect, nextCheckDelaySeconds, representativeAction } from "./grant-effect";

const grantedAt = new Date("2026-11-30T10:00:00Z");
const deadline = new Date("2026-11-30T10:10:00Z");

describe("the representative verb of each role", () => {
  it("is one the role has and the role below lacks", () => {
    expect(representativeAction("reader", "payments-dev")).toEqual({ namespace: "payments-dev", verb: "list", group: "", resource: "pods" });
    expect(representativeAction("writer", "payments-dev")).toEqual({ namespace: "payments-dev", verb: "create", group: "apps", resource: "deployments" });
    expect(representativeAction("admin", "payments-dev")).toEqual({ namespace: "payments-dev", verb: "create", group: "rbac.authorization.k8s.io", resource: "rolebindings" });
    expect(representativeAction("cluster-admin", null)).toEqual({ namespace: "", verb: "*", group: "*", resource: "*" });
  });

  it("reads as words", () => {
    expect(describeAction(representativeAction("writer", "payments-dev"))).toBe("create deployments.apps in payments-dev");
    expect(describeAction(representativeAction("cluster-admin", null))).toBe("do anything cluster-wide");
  });
});

describe("deciding after a check", () => {
  it("is effective as soon as the cluster allows, even past the deadline", () => {
    expect(decideEffect({ allowed: true, now: new Date(deadline.getTime() + 1), deadline, checks: 20 })).toEqual({ effect: "effective" });
  });

  it("waits with backoff (5, 10, 20, 40, then 60 s) while the deadline is ahead", () => {
    expect([1, 2, 3, 4, 5, 9].map(nextCheckDelaySeconds)).toEqual([5, 10, 20, 40, 60, 60]);
    expect(decideEffect({ allowed: false, now: grantedAt, deadline, checks: 1 })).toEqual({ effect: "waiting", checkAgainInSeconds: 5 });
  });

  it("never schedules the next check past the deadline, and gives up at it", () => {
    expect(decideEffect({ allowed: false, now: new Date(deadline.getTime() - 3_000), deadline, checks: 9 })).toEqual({ effect: "waiting", checkAgainInSeconds: 3 });
    expect(decideEffect({ allowed: false, now: deadline, deadline, checks: 9 })).toEqual({ effect: "not-effective" });
  });

  it("always waits between 1 and 60 seconds", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1000 }), fc.integer({ min: 0, max: 599_999 }), (checks, elapsed) => {
        const decision = decideEffect({ allowed: false, now: new Date(grantedAt.getTime() + elapsed), deadline, checks });
        return decision.effect === "waiting" && decision.checkAgainInSeconds >= 1 && decision.checkAgainInSeconds <= 60;
      }),
    );
  });
});

describe("wording", () => {
  const grant = { mechanism: "azure-rbac", grantedAt, effectDeadline: deadline, effectNote: null };
  it("says what is going on in each state", () => {
    expect(describeEffect({ ...grant, effect: "waiting" }).label).toBe("Applied, waiting for Azure to propagate");
    expect(describeEffect({ ...grant, effect: "waiting", mechanism: "kubernetes-rbac" }).label).toBe("Applied, checking the cluster");
    expect(describeEffect({ ...grant, effect: "effective" })).toEqual({ label: "Effective", tone: "success", detail: null });
  });

  it("explains a grant that never took effect, with the cluster's last answer", () => {
    const wording = describeEffect({ ...grant, effect: "not-effective", effectNote: "User does not have access to the resource in Azure." });
    expect(wording.label).toBe("Not effective after 10 minutes");
    expect(wording.tone).toBe("danger");
    expect(wording.detail).toContain("The cluster's last answer: User does not have access to the resource in Azure.");
  });
});
