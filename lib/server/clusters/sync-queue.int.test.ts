import { afterAll, beforeAll, expect, it } from "vitest";
import { db } from "@/lib/server/db/client";
import { jobQueue, stopJobQueue } from "@/lib/server/jobs/queue";
import { inventorySyncQueue, requestInventorySync } from "./sync-queue";

/**
 * Several portal instances (and several admins pressing Refresh) may ask for a sync at the same
 * moment: exactly one sync run may be queued or running, and every caller learns its id.
 */
beforeAll(async () => {
  // Runs left open by other test files would make every caller "join" them.
  await db().inventorySync.updateMany({ where: { status: { in: ["queued", "running"] } }, data: { status: "failed", finishedAt: new Date() } });
});
afterAll(async () => {
  // No worker runs here: leave no job behind for another file's workers to pick up.
  await (await jobQueue()).deleteAllJobs(inventorySyncQueue);
  await db().inventorySync.updateMany({ where: { status: { in: ["queued", "running"] } }, data: { status: "failed", finishedAt: new Date() } });
  await stopJobQueue();
});

it("starts one sync however many callers ask at once", async () => {
  const before = await db().inventorySync.count();
  const results = await Promise.all(Array.from({ length: 12 }, (_, i) => requestInventorySync(i % 2 === 0 ? "manual" : "startup")));
  const created = (await db().inventorySync.count()) - before;
  expect(created).toBe(1);
  expect(new Set(results.map((result) => result.syncId)).size).toBe(1);
  expect(results.filter((result) => !result.alreadyRunning)).toHaveLength(1);
  expect(await db().inventorySync.count({ where: { status: { in: ["queued", "running"] } } })).toBe(1);
});
