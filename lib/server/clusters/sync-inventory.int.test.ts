import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createKubernetesSide } from "@/emulator/kubernetes";
import { demoSubscriptions } from "@/emulator/seed/organisation";
import { startTestEmulator, type TestEmulator } from "@/emulator/test-support/start-test-emulator";
import type { Cluster } from "@/lib/clusters/cluster";
import type { PostureEvaluation, PostureRuleId } from "@/lib/posture";
import { seedDemoTenants } from "@/scripts/lib/seed-demo-tenants";
import { appDatabaseUrl, pointAppAtEmulator } from "@/test/app-under-test";
import { db } from "@/lib/server/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { parseListQuery } from "@/lib/clusters/inventory-query";
import { clusterScopeFor, listInventory } from "./inventory-read";
import { inventorySyncStatus } from "./inventory-summary";
import { pooledApiServers } from "@/lib/server/kube/api-server-pool";
import { syncInventory } from "./sync-inventory";

let emulator: TestEmulator;

/** The emulator logs a request after its response: let the last ones land before reading or clearing the log. */
const settledRequestLog = () => new Promise((resolve) => setTimeout(resolve, 100));

beforeAll(async () => {
  emulator = await startTestEmulator({ kubernetes: createKubernetesSide, armPageSize: 2 });
  pointAppAtEmulator(emulator.url);
  await seedDemoTenants({ url: appDatabaseUrl(), origin: "throw-away" });
  await db().inventoryCluster.deleteMany();
  await db().inventorySubscription.deleteMany();
});
afterAll(async () => {
  await db().$disconnect();
  await emulator.dispose();
});

type Row = { cluster: Cluster; posture: PostureEvaluation; exposure: string; apiServerReachable: boolean; apiServerError: string | null; adminGroupNames: unknown; nodes: unknown };

async function row(name: string): Promise<Row> {
  const found = await db().inventoryCluster.findFirst({ where: { name } });
  if (!found) throw new Error(`${name} is not in the inventory`);
  return found as unknown as Row;
}

function failing(evaluation: PostureEvaluation): PostureRuleId[] {
  return evaluation.findings.filter((finding) => finding.status === "fail").map((finding) => finding.id).sort();
}

/** What the seed's comments list: high and medium findings (low ones such as the OIDC issuer come on top). */
function failingHighOrMedium(evaluation: PostureEvaluation): PostureRuleId[] {
  return evaluation.findings.filter((f) => f.status === "fail" && (f.severity === "high" || f.severity === "medium")).map((f) => f.id).sort();
}

describe("inventory sync against the emulator", () => {
  it("stores every seeded cluster of both subscriptions and records the run", async () => {
    const result = await syncInventory();
    expect(result.failures).toEqual([]);
    expect(result.clusters).toBe(7);
    expect(await db().inventoryCluster.count()).toBe(7);
    const run = await db().inventorySync.findUniqueOrThrow({ where: { id: result.syncId } });
    expect(run).toMatchObject({ status: "succeeded", subscriptionsTotal: 2, subscriptionsDone: 2, clustersFound: 7 });
    const subscriptions = await db().inventorySubscription.findMany({ orderBy: { id: "asc" } });
    expect(subscriptions.map((s) => [s.displayName, s.lastStatus, s.clusterCount])).toEqual(
      expect.arrayContaining([["Clusterdesk Demo - Production", "succeeded", 3], ["Clusterdesk Demo - Non-production", "succeeded", 4]]),
    );
  });

  it("a later sync reaches the API servers through the stored endpoints: no credential POST to ARM", async () => {
    const stored = await db().inventoryCluster.findMany({ where: { apiServerEndpoint: { not: Prisma.AnyNull } }, select: { name: true, apiServerEndpoint: true } });
    // The six public clusters; the stored endpoint is the kubeconfig's cluster entry, never a token.
    expect(stored).toHaveLength(6);
    for (const row of stored) expect(Object.keys(row.apiServerEndpoint as object).sort()).toEqual(["caData", "fqdn", "server", "skipTlsVerify", "tlsServerName"]);
    await settledRequestLog();
    emulator.clearRequests();
    const result = await syncInventory();
    await settledRequestLog();
    expect(result.failures).toEqual([]);
    expect(emulator.requests().filter((entry) => /listClusterUserCredential/i.test(entry.path))).toEqual([]);
    expect(emulator.requests().filter((entry) => entry.method === "GET" && /\/api\/v1\/namespaces$/.test(entry.path))).toHaveLength(6);
    expect((await row("aks-shared-dev")).cluster.inCluster?.namespaces.map((ns) => ns.name)).toContain("payments-dev");
    expect((await row("aks-dev-open")).apiServerReachable).toBe(true);
    // Every emulated API server shares one origin and CA: one connection pool, not one Agent per request.
    expect(pooledApiServers()).toBe(1);
  });

  it("asks ARM again for a cluster whose FQDN changed, or whose stored endpoint no longer answers", async () => {
    const record = emulator.state().clusters.find((cluster) => cluster.resource.name === "aks-analytics-wi");
    if (!record) throw new Error("aks-analytics-wi is not seeded");
    const originalFqdn = record.resource.properties.fqdn;
    record.resource.properties.fqdn = "aks-analytics-wi-recreated.hcp.eastus.azmk8s.io";
    const stale = { server: "https://127.0.0.1:9/unreachable", caData: null, tlsServerName: null, skipTlsVerify: false, fqdn: (await row("aks-shared-dev")).cluster.apiServerAccess.publicFqdn };
    await db().inventoryCluster.updateMany({ where: { name: "aks-shared-dev" }, data: { apiServerEndpoint: stale } });
    try {
      await settledRequestLog();
      emulator.clearRequests();
      await syncInventory();
      await settledRequestLog();
    } finally {
      record.resource.properties.fqdn = originalFqdn;
    }
    const posts = emulator.requests().filter((entry) => /listClusterUserCredential/i.test(entry.path)).map((entry) => entry.path);
    expect(posts).toHaveLength(2);
    expect(posts.join(" ")).toMatch(/aks-analytics-wi\b/);
    expect(posts.join(" ")).toMatch(/aks-shared-dev\b/);
    expect((await row("aks-shared-dev")).apiServerReachable).toBe(true);
    expect(((await db().inventoryCluster.findFirstOrThrow({ where: { name: "aks-shared-dev" } })).apiServerEndpoint as { server: string }).server).not.toBe(stale.server);
    expect((await row("aks-analytics-wi")).apiServerReachable).toBe(true);
  });

  it("does not hold an API-server read slot through a credential POST: with one slot of each, they overlap", async () => {
    // A cold cache: every public cluster asks ARM for its kubeconfig, each POST slowed to 300 ms.
    await db().inventoryCluster.updateMany({ data: { apiServerEndpoint: Prisma.DbNull } });
    await settledRequestLog();
    emulator.clearRequests();
    emulator.injectFault({ method: "POST", path: "/listClusterUserCredential$", latencyMs: 300, count: 100 });
    // Reads slowed too: sharing one slot, no POST could then start while a read is out, even within a millisecond.
    emulator.injectFault({ method: "GET", path: "/api/v1/namespaces$", latencyMs: 200, count: 100 });
    const result = await syncInventory({ clusterConcurrency: 1 });
    emulator.clearFaults();
    await settledRequestLog();
    expect(result.failures).toEqual([]);
    expect(result.credentialFetches).toBe(6);
    const posts = emulator.requests().filter((entry) => entry.method === "POST" && /listClusterUserCredential$/i.test(entry.path.split("?")[0] ?? ""));
    const reads = emulator.requests().filter((entry) => entry.method === "GET" && /\/api\/v1\/namespaces$/.test(entry.path));
    expect(posts).toHaveLength(6);
    expect(reads).toHaveLength(6);
    // One slot for both (as before) would serialise them: no read could start while a POST is out.
    // With a slot each, a cluster's read starts as the next cluster's POST does, often in the same
    // millisecond of the log's clock, hence "at or after" its start.
    const during = (read: (typeof reads)[number]) =>
      posts.some((post) => Date.parse(post.time) <= Date.parse(read.time) && Date.parse(read.time) < Date.parse(post.time) + post.durationMs);
    expect(reads.filter(during).length).toBeGreaterThan(0);
  });

  it("aks-payments-prod: private, not read, nothing failing", async () => {
    const r = await row("aks-payments-prod");
    expect(r.exposure).toBe("private");
    expect(r.apiServerReachable).toBe(false);
    expect(r.apiServerError).toMatch(/not reachable from the portal/);
    expect(r.cluster.inCluster).toBeNull();
    expect(r.cluster.identity).toMatchObject({ managedAad: true, azureRbac: true, localAccountsDisabled: true });
    expect(r.cluster.network).toMatchObject({ policy: "cilium", outboundType: "userDefinedRouting" });
    expect(r.cluster.workloadIdentity).toMatchObject({ workloadIdentityEnabled: true, oidcIssuerEnabled: true });
    expect(r.adminGroupNames).toEqual({ "a0000000-0000-4000-8000-0000000000a1": "Clusterdesk Admins" });
    expect(failing(r.posture)).toEqual([]);
    expect(r.posture.findings.find((f) => f.id === "pod-security-admission")?.status).toBe("unknown");
  });

  it("aks-search-prod: authorized ranges, GPU taint, two egress IPs; passes exposure", async () => {
    const r = await row("aks-search-prod");
    expect(r.exposure).toBe("authorized_ranges");
    expect(r.cluster.apiServerAccess.authorizedIpRanges).toEqual(["203.0.113.0/24", "198.51.100.17/32"]);
    expect(r.cluster.nodePools.find((pool) => pool.name === "gpu")?.taints).toEqual(["nvidia.com/gpu=present:NoSchedule"]);
    expect(r.cluster.network.egressIps).toHaveLength(2);
    expect(r.cluster.network.policy).toBe("calico");
    expect(r.apiServerReachable).toBe(true);
    expect(failingHighOrMedium(r.posture)).toEqual([]);
  });

  it("aks-platform-shared: local accounts on, Kubernetes RBAC only", async () => {
    const r = await row("aks-platform-shared");
    expect(r.exposure).toBe("authorized_ranges");
    expect(r.cluster.identity).toMatchObject({ managedAad: true, azureRbac: false, localAccountsDisabled: false });
    expect(r.cluster.nodePools.map((pool) => pool.osType)).toContain("Windows");
    expect(failing(r.posture)).toEqual(expect.arrayContaining(["azure-rbac", "local-accounts-disabled"]));
    expect(failing(r.posture)).not.toContain("api-server-exposure");
  });

  it("aks-shared-dev: reads namespaces with their tenants; no Azure Policy, search-dev without Pod Security", async () => {
    const r = await row("aks-shared-dev");
    expect(r.exposure).toBe("authorized_ranges");
    expect(r.apiServerReachable).toBe(true);
    const namespaces = r.cluster.inCluster?.namespaces ?? [];
    expect(namespaces.find((ns) => ns.name === "payments-dev")).toMatchObject({ tenant: "payments", labels: expect.objectContaining({ "pod-security.kubernetes.io/enforce": "baseline" }) });
    expect(namespaces.find((ns) => ns.name === "search-dev")?.tenant).toBe("search");
    expect(namespaces.find((ns) => ns.name === "kube-system")?.tenant).toBeNull();
    expect(Array.isArray(r.nodes) && r.nodes.length).toBeGreaterThan(0);
    expect(failingHighOrMedium(r.posture)).toEqual(["azure-policy", "pod-security-admission"]);
  });

  it("aks-dev-open: open, no Entra, local accounts, kubenet without policy — read with its local account", async () => {
    const r = await row("aks-dev-open");
    expect(r.exposure).toBe("open");
    expect(r.cluster.identity.managedAad).toBe(false);
    expect(r.cluster.network).toMatchObject({ plugin: "kubenet", policy: "none" });
    expect(r.apiServerReachable).toBe(true);
    expect(failing(r.posture)).toEqual(expect.arrayContaining(["api-server-exposure", "entra-integration", "local-accounts-disabled", "network-policy"]));
  });

  it("aks-legacy-podid: pod identity with its binding, outdated version, local accounts", async () => {
    const r = await row("aks-legacy-podid");
    expect(r.cluster.podIdentity.podIdentityEnabled).toBe(true);
    expect(r.cluster.podIdentity.identities).toEqual([expect.objectContaining({ name: "payments-reader", namespace: "payments-dev", bindingSelector: "payments-reader" })]);
    expect(r.cluster.kubernetesVersion).toMatch(/^1\.29\./);
    expect(failing(r.posture)).toEqual(expect.arrayContaining(["workload-identity", "kubernetes-version", "local-accounts-disabled"]));
  });

  it("aks-analytics-wi: workload identity, Cilium, NAT gateway, but open to the internet", async () => {
    const r = await row("aks-analytics-wi");
    expect(r.exposure).toBe("open");
    expect(r.cluster.location).toBe("eastus");
    expect(r.cluster.network).toMatchObject({ policy: "cilium", outboundType: "managedNATGateway" });
    expect(r.cluster.workloadIdentity.oidcIssuerEnabled).toBe(true);
    expect(failing(r.posture)).toContain("api-server-exposure");
    expect(failing(r.posture)).not.toContain("workload-identity");
  });

  it("retries through injected 429s and 500s, finishes the other subscription and records the one that failed", async () => {
    const productionPath = `^/subscriptions/${demoSubscriptions.production}/providers/Microsoft\\.ContainerService/managedClusters`;
    // A transient burst: the SDK's throttling and retry policies ride it out.
    emulator.injectFault({ path: productionPath, status: 429, retryAfterMs: 10, count: 2 });
    emulator.injectFault({ path: productionPath, status: 500, count: 1 });
    const transient = await syncInventory({ retryDelayMs: 10 });
    expect(transient.failures).toEqual([]);

    // A persistent failure on one subscription: recorded, the other subscription is still synced.
    emulator.injectFault({ path: productionPath, status: 429, retryAfterMs: 10, count: 100 });
    const before = await db().inventoryCluster.count({ where: { subscriptionId: demoSubscriptions.production } });
    const result = await syncInventory({ listAttempts: 2, retryDelayMs: 10 });
    emulator.clearFaults();
    expect(result.failures).toEqual([
      expect.objectContaining({ subscriptionId: demoSubscriptions.production, displayName: "Clusterdesk Demo - Production", error: expect.stringMatching(/429/) }),
    ]);
    const run = await db().inventorySync.findUniqueOrThrow({ where: { id: result.syncId } });
    expect(run.status).toBe("partial");
    const subscription = await db().inventorySubscription.findUniqueOrThrow({ where: { id: demoSubscriptions.production } });
    expect(subscription).toMatchObject({ lastStatus: "failed", lastError: expect.stringMatching(/429/) });
    // The failed subscription keeps what the cache knew; the other one was refreshed.
    expect(await db().inventoryCluster.count({ where: { subscriptionId: demoSubscriptions.production } })).toBe(before);
    const nonProduction = await db().inventorySubscription.findUniqueOrThrow({ where: { id: demoSubscriptions.nonProduction } });
    expect(nonProduction.lastStatus).toBe("succeeded");
  });

  it("names the failed subscription in the sync status the list page shows", async () => {
    const status = await inventorySyncStatus();
    expect(status.failedSubscriptions).toEqual([expect.objectContaining({ id: demoSubscriptions.production, displayName: "Clusterdesk Demo - Production" })]);
    expect(status.lastFinished?.status).toBe("partial");
    // Read in one statement (dates as epoch milliseconds inside JSON): still dates, of this run.
    expect(Math.abs((status.failedSubscriptions[0]?.lastAttemptAt?.getTime() ?? 0) - Date.now())).toBeLessThan(10 * 60_000);
    expect(status.lastFinished?.finishedAt).toBeInstanceOf(Date);
    expect(status.active).toBeNull();
  });

  it("lists only the clusters hosting a team lead's tenants, with filters and facets", async () => {
    const payments = await db().tenant.findUniqueOrThrow({ where: { slug: "payments" } });
    const scope = await clusterScopeFor({ objectId: "lead", roles: [], ownedTenantIds: [payments.id] });
    const page = await listInventory(scope, parseListQuery({}));
    expect(page.items.map((item) => item.name)).toEqual(["aks-legacy-podid", "aks-payments-prod", "aks-platform-shared", "aks-shared-dev"]);
    const open = await listInventory({ all: true }, parseListQuery({ exposure: "open", sort: "findings" }));
    expect(open.items.map((item) => item.name)).toEqual(["aks-dev-open", "aks-analytics-wi"]);
    expect(open.facets.locations).toEqual(["eastus", "westeurope"]);
    expect(await clusterScopeFor({ objectId: "member", roles: [], ownedTenantIds: [] })).toEqual({ all: false, clusterKeys: [] });
  });
});
