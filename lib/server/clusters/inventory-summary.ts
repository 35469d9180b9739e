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

type SyncStatusRow = {
  active_id: string | null;
  active_status: string | null;
  active_started_at: Date | null;
  subscriptions_done: number | null;
  subscriptions_total: number | null;
  clusters_found: number | null;
  last_id: string | null;
  last_status: string | null;
  last_finished_at: Date | null;
  last_failures: unknown;
  last_error: string | null;
  failed: Array<{ id: string; displayName: string | null; lastError: string | null; lastAttemptAt: number | null; lastSucceededAt: number | null }>;
};

const dateOf = (epochMs: number | null) => (epochMs === null ? null : new Date(epochMs));

/**
 * The running sync, the last finished one and the failing subscriptions, in one statement: the list
 * page reads it on every request (and every 2 s while a sync runs), beside its rows.
 */
export async function inventorySyncStatus(): Promise<SyncStatus> {
  const [row] = await db().$queryRaw<SyncStatusRow[]>`
    SELECT a.id AS active_id, a.status::text AS active_status, a.started_at AS active_started_at, a.subscriptions_done, a.subscriptions_total, a.clusters_found,
           l.id AS last_id, l.status::text AS last_status, l.finished_at AS last_finished_at, l.failures AS last_failures, l.error AS last_error,
           (SELECT coalesce(json_agg(json_build_object(
                     'id', s.id, 'displayName', s.display_name, 'lastError', s.last_error,
                     'lastAttemptAt', extract(epoch FROM s.last_attempt_at) * 1000, 'lastSucceededAt', extract(epoch FROM s.last_succeeded_at) * 1000)
                   ORDER BY s.id), '[]'::json)
            FROM inventory_subscription s WHERE s.last_status = 'failed') AS failed
    FROM (SELECT 1) AS one
    LEFT JOIN LATERAL (SELECT * FROM inventory_sync WHERE status IN ('queued', 'running') ORDER BY created_at DESC LIMIT 1) a ON true
    LEFT JOIN LATERAL (SELECT * FROM inventory_sync WHERE status IN ('succeeded', 'partial', 'failed') ORDER BY created_at DESC LIMIT 1) l ON true`;
  if (!row) throw new Error("the sync status query returned no row");
  return {
    active:
      row.active_id && row.active_status
        ? {
            id: row.active_id,
            status: row.active_status,
            startedAt: row.active_started_at,
            subscriptionsDone: row.subscriptions_done ?? 0,
            subscriptionsTotal: row.subscriptions_total ?? 0,
            clustersFound: row.clusters_found ?? 0,
          }
        : null,
    lastFinished:
      row.last_id && row.last_status
        ? { id: row.last_id, status: row.last_status, finishedAt: row.last_finished_at, failures: row.last_failures as SyncFailure[], error: row.last_error }
        : null,
    failedSubscriptions: row.failed.map((subscription) => ({
      ...subscription,
      lastAttemptAt: dateOf(subscription.lastAttemptAt),
      lastSucceededAt: dateOf(subscription.lastSucceededAt),
    })),
  };
}
