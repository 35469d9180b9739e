import { expect, it } from "vitest";
import { syncProgressText } from "./sync-progress-text";

it("says a queued sync is waiting instead of counting 0 of ? subscriptions", () => {
  const text = syncProgressText({ status: "queued", subscriptionsDone: 0, subscriptionsTotal: 0, clustersFound: 0 });
  expect(text).toBe("Sync queued: it starts as soon as the worker is free.");
  expect(text).not.toMatch(/\?/);
});

it("says a running sync is still listing subscriptions until it knows how many", () => {
  expect(syncProgressText({ status: "running", subscriptionsDone: 0, subscriptionsTotal: 0, clustersFound: 0 })).toBe("Sync in progress: listing subscriptions…");
  expect(syncProgressText({ status: "running", subscriptionsDone: 1, subscriptionsTotal: 3, clustersFound: 1 })).toBe("Sync in progress: 1 of 3 subscriptions, 1 cluster so far.");
  expect(syncProgressText({ status: "running", subscriptionsDone: 2, subscriptionsTotal: 3, clustersFound: 7 })).toBe("Sync in progress: 2 of 3 subscriptions, 7 clusters so far.");
});
