import "server-only";
import type { ApiServerExposure } from "@/lib/clusters/exposure";
import { parseListQuery } from "@/lib/clusters/inventory-query";
import { db } from "@/lib/server/db/client";
import { type ClusterScope, exposureColumn, inventoryWhere } from "./inventory-where";
import type { SyncFailure } from "./sync-runs";

export type FleetSummary = {
  clusterCount: number;
  averageScore: number | null;
  clustersWithHighFindings: number;
  failingFindings: { high: number; medium: number; low: number };
  byExposure: Record<ApiServerExposure, number>;
  unreachable: number;
};

/** The home page's figures, aggregated in the database from the denormalised columns. */
export async function fleetSummary(scope: ClusterScope): Promise<FleetSummary> {
  const where = inventoryWhere(scope, parseListQuery({}));
  const [totals, withHigh, exposures, unreachable] = await Promise.all([
    db().inventoryCluster.aggregate({ where, _count: { _all: true }, _avg: { postureScore: true }, _sum: { failingHigh: true, failingMedium: true, failingLow: true } }),
    db().inventoryCluster.count({ where: { AND: [where, { failingHigh: { gt: 0 } }] } }),
    db().inventoryCluster.groupBy({ by: ["exposure"], where, _count: { _all: true } }),
    db().inventoryCluster.count({ where: { AND: [where, { apiServerReachable: false }] } }),
  ]);
  const count = (exposure: ApiServerExposure) => exposures.find((group) => group.exposure === exposureColumn[exposure])?._count._all ?? 0;
  return {
    clusterCount: totals._count._all,
    averageScore: totals._avg.postureScore === null ? null : Math.round(totals._avg.postureScore),
    clustersWithHighFindings: withHigh,
    failingFindings: { high: totals._sum.failingHigh ?? 0, medium: totals._sum.failingMedium ?? 0, low: totals._sum.failingLow ?? 0 },
    byExposure: { private: count("private"), "authorized-ranges": count("authorized-ranges"), open: count("open") },
    unreachable,
  };
}

export type SyncStatus = {
  active: { id: string; status: string; startedAt: Date | null; subscriptionsDone: number; subscriptionsTotal: number; clustersFound: number } | null;
  lastFinished: { id: string; status: string; finishedAt: Date | null; failures: SyncFailure[]; error: string | null } | null;
  /** Subscriptions whose last listing failed, with the reason. */
  failedSubscriptions: Array<{ id: string; displayName: string | null; lastError: string | null; lastAttemptAt: Date | null; lastSucceededAt: Date | null }>;
};

export async function inventorySyncStatus(): Promise<SyncStatus> {
  const [active, lastFinished, failedSubscriptions] = await Promise.all([
    db().inventorySync.findFirst({
      where: { status: { in: ["queued", "running"] } },
      orderBy: { createdAt: "desc" },
      select: { id: true, status: true, startedAt: true, subscriptionsDone: true, subscriptionsTotal: true, clustersFound: true },
    }),
    db().inventorySync.findFirst({
      where: { status: { in: ["succeeded", "partial", "failed"] } },
      orderBy: { createdAt: "desc" },
      select: { id: true, status: true, finishedAt: true, failures: true, error: true },
    }),
    db().inventorySubscription.findMany({
      where: { lastStatus: "failed" },
      orderBy: { id: "asc" },
      select: { id: true, displayName: true, lastError: true, lastAttemptAt: true, lastSucceededAt: true },
    }),
  ]);
  return {
    active,
    lastFinished: lastFinished ? { ...lastFinished, failures: lastFinished.failures as SyncFailure[] } : null,
    failedSubscriptions,
  };
}
