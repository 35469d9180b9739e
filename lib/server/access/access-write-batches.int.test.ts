import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/lib/server/db/client";
import type { AccessEntryRow, ClusterAccessRead } from "./access-cache-store";
import { accessWriteBatches } from "./access-write-batches";

// Clusters of this file only (the database is shared by the run's files).
const run = randomUUID().slice(0, 8);
const keyOf = (name: string) => `/subscriptions/batch-${run}/resourcegroups/rg/providers/microsoft.containerservice/managedclusters/${name}`;
const row = (cluster: string, externalId: string, syncedAt: Date, principalName = "Team"): AccessEntryRow => ({
  clusterKey: keyOf(cluster), clusterResourceId: keyOf(cluster), mechanism: "azure-rbac", scopeKind: "namespace", namespace: "team-a", inherited: false,
  role: "reader", roleName: "Azure Kubernetes Service RBAC Reader", principalId: "11111111-2222-3333-4444-555555555555", principalType: "Group",
  principalName, principalUpn: null, groupMemberCount: 3, principalDeleted: false, externalId, bindingSubjects: 1, managedByClusterdesk: false, syncedAt,
});
const read = (cluster: string, syncedAt: Date, rows: AccessEntryRow[]): ClusterAccessRead => ({ clusterKey: keyOf(cluster), syncedAt, rows });
const entriesOf = (cluster: string) => db().clusterAccessEntry.findMany({ where: { clusterKey: keyOf(cluster) }, orderBy: { externalId: "asc" }, select: { id: true, externalId: true, principalName: true } });

afterAll(async () => {
  await db().clusterAccessEntry.deleteMany({ where: { clusterKey: { startsWith: `/subscriptions/batch-${run}/` } } });
  await db().clusterAccessSync.deleteMany({ where: { clusterKey: { startsWith: `/subscriptions/batch-${run}/` } } });
});

describe("access cache writes batched across clusters", () => {
  it("writes many clusters' reads in one transaction, keeping each entry's id and deleting what was not read again", async () => {
    const first = new Date(Date.now() - 60_000);
    const batches = accessWriteBatches({ maxClusters: 2, lingerMs: 10_000 });
    // Two clusters fill the batch: it is written without waiting for the linger.
    await Promise.all([batches.write(read("c1", first, [row("c1", "a1", first), row("c1", "a2", first)])), batches.write(read("c2", first, [row("c2", "b1", first)]))]);
    const [c1, c2] = [await entriesOf("c1"), await entriesOf("c2")];
    expect(c1.map((entry) => entry.externalId)).toEqual(["a1", "a2"]);
    expect(c2.map((entry) => entry.externalId)).toEqual(["b1"]);

    const second = new Date();
    const again = accessWriteBatches({ maxClusters: 100, lingerMs: 20 });
    await Promise.all([again.write(read("c1", second, [row("c1", "a1", second, "Team renamed")])), again.write(read("c2", second, []))]);
    expect(await entriesOf("c1")).toEqual([{ id: c1[0]?.id, externalId: "a1", principalName: "Team renamed" }]);
    expect(await entriesOf("c2")).toEqual([]);
    const synced = await db().clusterAccessSync.findMany({ where: { clusterKey: { in: [keyOf("c1"), keyOf("c2")] } }, select: { syncedAt: true, error: true } });
    expect(synced).toEqual([{ syncedAt: second, error: null }, { syncedAt: second, error: null }]);
  });

  it("fails every cluster of a batch that cannot be written, and writes none of its rows", async () => {
    const before = new Date(Date.now() - 60_000);
    await accessWriteBatches({ maxClusters: 1 }).write(read("c3", before, [row("c3", "x1", before)]));
    const now = new Date();
    const batches = accessWriteBatches({ maxClusters: 2 });
    // A NOT NULL column left null breaks the statement, and so the whole batch.
    const broken = { ...row("c4", "y1", now), roleName: null as unknown as string };
    const outcomes = await Promise.allSettled([batches.write(read("c3", now, [])), batches.write(read("c4", now, [broken]))]);
    expect(outcomes.map((outcome) => outcome.status)).toEqual(["rejected", "rejected"]);
    expect((await entriesOf("c3")).map((entry) => entry.externalId)).toEqual(["x1"]);
    expect(await entriesOf("c4")).toEqual([]);
  });
});
