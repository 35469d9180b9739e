import "server-only";
import { assignmentsByCluster } from "@/lib/access/role-assignments-by-cluster";
import { accessRoleOfDefinition } from "@/lib/access/roles";
import type { Cluster } from "@/lib/clusters/cluster";
import { listRoleAssignmentsOfSubscription, type RoleAssignmentRead } from "@/lib/server/azure/role-assignments";
import { limiter } from "@/lib/server/clusters/bounded";
import { accessWriteBatches, type AccessWriteBatches } from "./access-write-batches";

/**
 * One inventory sync's role-assignment reads: one paged ARM list per subscription, shared by all its
 * Azure-RBAC clusters, instead of one list per cluster (20,000 clusters were 20,000 lists, each
 * returning the subscription's and resource group's assignments again). Created per sync and dropped
 * with it, so the next sync reads ARM again (its cache writes are batched across clusters too); a failed list fails every cluster of its subscription for
 * this sync only (each records the error and keeps its rows), it is not retried per cluster.
 */
export type AccessSyncSession = AccessWriteBatches & { assignmentsAround(cluster: Cluster, correlationId: string): Promise<RoleAssignmentRead[]> };

// A subscription's list can be many pages; its clusters wait for it without holding an API-server slot.
const listTimeoutMs = 120_000;

export function accessSyncSession(options: { listConcurrency?: number } = {}): AccessSyncSession {
  const listing = limiter(options.listConcurrency ?? 8);
  const bySubscription = new Map<string, Promise<(clusterId: string) => RoleAssignmentRead[]>>();
  return {
    ...accessWriteBatches(),
    assignmentsAround(cluster, correlationId) {
      const key = cluster.subscriptionId.toLowerCase();
      let partitioned = bySubscription.get(key);
      if (!partitioned) {
        // Only the AKS data-plane roles become access entries: the rest is not kept while paging.
        const read = () => listRoleAssignmentsOfSubscription(cluster.subscriptionId, correlationId, (assignment) => accessRoleOfDefinition(assignment.roleDefinitionId) !== null);
        partitioned = listing(() => withDeadline(read(), listTimeoutMs)).then(assignmentsByCluster);
        bySubscription.set(key, partitioned);
      }
      return partitioned.then((around) => around(cluster.id));
    },
  };
}

export class AccessListTimeout extends Error {}

async function withDeadline<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new AccessListTimeout(`The subscription's role assignments could not be listed within ${ms / 1000} s.`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
