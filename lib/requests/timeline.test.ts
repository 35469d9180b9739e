import { describe, expect, it } from "vitest";
import { type TimelineSource, timelineOf } from "./timeline";

let seq = 0n;
const event = (action: string, fields: Partial<TimelineSource> = {}): TimelineSource => {
  seq += 1n;
  return { seq, occurredAt: new Date(Number(seq) * 1000), action, actorKind: "user", actorName: "Alex Admin", outcome: "success", reason: null, after: null, ...fields };
};

describe("timelineOf", () => {
  it("orders events oldest first and phrases each step", () => {
    const created = event("request.created", { actorName: "Priya Patel", reason: "ignored" });
    const approved = event("request.approved", { reason: "Looks right" });
    const applying = event("request.applying", { actorKind: "system", actorName: "Clusterdesk", after: { status: "applying", attempt: 2 } });
    const failed = event("request.failed", { actorKind: "system", actorName: "Clusterdesk", outcome: "failure", reason: "ARM answered 409" });
    const entries = timelineOf([failed, applying, approved, created]);
    expect(entries.map((entry) => [entry.title, entry.detail, entry.tone])).toEqual([
      ["Requested by Priya Patel", null, "neutral"],
      ["Approved by Alex Admin", "Looks right", "success"],
      ["Applying (attempt 2)", null, "progress"],
      ["Failed", "ARM answered 409", "danger"],
    ]);
  });

  it("attributes system events to Clusterdesk and keeps unknown actions readable", () => {
    const [expired, other] = timelineOf([event("request.expired", { actorKind: "system", actorName: null }), event("request.something-new")]);
    expect(expired).toMatchObject({ title: "Expired without a decision", actorName: "Clusterdesk" });
    expect(other).toMatchObject({ title: "request.something-new" });
  });
});
