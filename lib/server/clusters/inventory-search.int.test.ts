import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseListQuery } from "@/lib/clusters/inventory-query";
import { db } from "@/lib/server/db/client";
import { listInventory, withIndexScansOff } from "./inventory-read";
import type { ClusterScope } from "./inventory-where";

/**
 * Search is a case-insensitive substring match in PostgreSQL (ILIKE). `%` and `_` are LIKE's
 * wildcards: typed into the search box they must match themselves, not "anything".
 */
const subscriptionId = randomUUID();
const names = ["pay_ments-eu", "payxments-us", "batch-100%", "batch-1000", "v1.3x-cluster"];
const keyOf = (name: string) => `/subscriptions/${subscriptionId}/resourcegroups/rg-search/providers/microsoft.containerservice/managedclusters/${name}`;
const scope: ClusterScope = { all: false, clusterKeys: names.map(keyOf) };

beforeAll(async () => {
  await db().inventoryCluster.createMany({
    data: names.map((name) => ({
      key: keyOf(name),
      resourceId: keyOf(name),
      name,
      subscriptionId,
      resourceGroup: "rg-search",
      location: "westeurope",
      kubernetesVersion: name.startsWith("v1.3x") ? "1.3x.0" : "1.31.2",
      provisioningState: "Succeeded",
      powerState: "Running",
      exposure: "private",
      nodePoolCount: 1,
      nodeCount: 1,
      postureScore: 100,
      failingHigh: 0,
      failingMedium: 0,
      failingLow: 0,
      unknownFindings: 0,
      cluster: {},
      posture: {},
      adminGroupNames: {},
      apiServerReachable: false,
      syncedAt: new Date(),
    })),
  });
});
afterAll(async () => {
  await db().inventoryCluster.deleteMany({ where: { subscriptionId } });
});

async function searchNames(query: Record<string, string>): Promise<string[]> {
  const page = await listInventory(scope, parseListQuery(query));
  return page.items.map((item) => item.name).sort();
}

describe("cluster search", () => {
  it("matches an underscore literally, not as any one character", async () => {
    expect(await searchNames({ q: "pay_" })).toEqual(["pay_ments-eu"]);
  });

  it("matches a percent sign literally, not as any run of characters", async () => {
    expect(await searchNames({ q: "100%" })).toEqual(["batch-100%"]);
    expect(await searchNames({ q: "%" })).toEqual(["batch-100%"]);
  });

  it("matches a backslash literally", async () => {
    expect(await searchNames({ q: "\\" })).toEqual([]);
  });

  it("treats the version filter's wildcards literally too", async () => {
    expect(await searchNames({ version: "1.3_" })).toEqual([]);
    expect(await searchNames({ version: "1.3x" })).toEqual(["v1.3x-cluster"]);
  });

  it("still finds plain substrings, case-insensitively", async () => {
    expect(await searchNames({ q: "BATCH" })).toEqual(["batch-100%", "batch-1000"]);
  });

  it("counts the matches and, apart, every visible cluster, whether or not a filter is set", async () => {
    const filtered = await listInventory(scope, parseListQuery({ q: "batch" }));
    expect({ total: filtered.total, visible: filtered.visible }).toEqual({ total: 2, visible: names.length });
    const unfiltered = await listInventory(scope, parseListQuery({ page: "2", size: "25" }));
    expect({ total: unfiltered.total, visible: unfiltered.visible, rows: unfiltered.items.length }).toEqual({ total: names.length, visible: names.length, rows: 0 });
    expect(unfiltered.facets.subscriptions).toEqual([{ id: subscriptionId, name: null }]);
  });
});

describe("a search page's statement", () => {
  it("runs with index scans off, and only it: the setting ends with its transaction", async () => {
    const setting = () => db().$queryRaw<Array<{ value: string }>>`SELECT current_setting('enable_indexscan') AS value`;
    expect(await withIndexScansOff(setting())).toEqual([{ value: "off" }]);
    expect(await setting()).toEqual([{ value: "on" }]);
  });
});
