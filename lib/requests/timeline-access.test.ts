import { expect, it } from "vitest";
import { timelineOf } from "./timeline";

const base = { occurredAt: new Date(0), actorKind: "system", actorName: null, after: null };

it("phrases whether a granted access took effect on the cluster, with the reason", () => {
  const entries = timelineOf([
    { ...base, seq: 1n, action: "access.grant_effective", outcome: "success", reason: "Writer for Aliyu Bello in payments-dev is effective." },
    { ...base, seq: 2n, action: "access.grant_not_effective", outcome: "failure", reason: "not effective after 10 minutes: denied" },
  ]);
  expect(entries.map((entry) => [entry.title, entry.detail, entry.tone, entry.actorName])).toEqual([
    ["Effective on the cluster", "Writer for Aliyu Bello in payments-dev is effective.", "success", "Clusterdesk"],
    ["Not effective in time", "not effective after 10 minutes: denied", "danger", "Clusterdesk"],
  ]);
});
