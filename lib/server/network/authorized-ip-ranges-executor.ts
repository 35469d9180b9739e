import "server-only";
import { setTimeout as sleep } from "node:timers/promises";
import { planAuthorizedIpRangeChange, rangeTooWide } from "@/lib/cidr";
import { clusterKey } from "@/lib/clusters/resource-id";
import { env } from "@/lib/env";
import { authorizedIpRangeChangePayload } from "@/lib/requests/kinds";
import { armFailure } from "@/lib/server/azure/arm-errors";
import type { Cluster } from "@/lib/clusters/cluster";
import { type ClusterWithEtag, getCluster, replaceAuthorizedIpRanges } from "@/lib/server/azure/managed-clusters";
import { type ChangeExecutor, type ExecutableRequest, type ExecutionContext, type ExecutionResult, RetryableError } from "@/lib/server/requests/executor";
import { egressRangesOf } from "./egress-ranges";
import { refreshCachedCluster } from "@/lib/server/clusters/refresh-cached-cluster";
import { logger } from "@/lib/server/logger";
import { recordRangeChanges } from "./range-records";

const busyStates = new Set(["Creating", "Updating", "Upgrading", "Deleting"]);
const maxEtagConflicts = 5;

export type AuthorizedIpRangeExecutorOptions = { pollIntervalMs?: number; busyWaitMs?: number };

/**
 * Applies an authorized-IP-range request safely. ARM replaces the whole list on every update, so:
 * read the cluster → merge only this request's additions and removals into what is there now →
 * PUT with If-Match on the eTag read → on 412 (someone changed the cluster meanwhile) read and merge
 * again. Resumable: after a crash the same steps find the ranges already in place and write nothing.
 */
export function authorizedIpRangesExecutor(options: AuthorizedIpRangeExecutorOptions = {}): ChangeExecutor {
  return {
    apply: (request, context) => applyRangeChange(request, context, options),
    prepare(request) {
      // The cluster's first read goes out while the engine records the attempt; a failure is
      // reported by the attempt's read (readWhenIdle), not here.
      const firstRead = request.clusterResourceId ? getCluster(request.clusterResourceId, request.correlationId) : undefined;
      firstRead?.catch(() => undefined);
      return { apply: (context) => applyRangeChange(request, context, options, firstRead) };
    },
  };
}

async function applyRangeChange(
  request: ExecutableRequest,
  context: ExecutionContext,
  options: AuthorizedIpRangeExecutorOptions,
  firstRead?: Promise<ClusterWithEtag>,
): Promise<ExecutionResult> {
  const payload = authorizedIpRangeChangePayload.parse(request.payload);
  const resourceId = request.clusterResourceId;
  if (!resourceId) throw new Error("The request names no cluster.");
  const change = { add: payload.add.map((entry) => entry.range), remove: payload.remove };
  // The last guard: whatever created the request (a form, a script, an older version), an
  // allow-all or over-wide range never reaches the cluster. Permanent: a retry cannot fix it.
  const tooWide = change.add.map((range) => rangeTooWide(range, env().minIpRangePrefixLength)).filter((reason) => reason !== null);
  if (tooWide.length > 0) throw new Error(tooWide.join(" "));

  for (let conflicts = 0; conflicts < maxEtagConflicts; conflicts += 1) {
    // Only the first pass may use the read started early; after a 412 the cluster is read again.
    const read = await readWhenIdle(resourceId, request, context, options, conflicts === 0 ? firstRead : undefined);
    const { cluster, etag } = read;
    if (cluster.apiServerAccess.privateCluster) {
      throw new Error("The cluster is private: its API server has no public endpoint, so authorized IP ranges do not apply.");
    }
    const before = cluster.apiServerAccess.authorizedIpRanges;
    // "skip": a resumed attempt may find its removals already done; that is success, not an error.
    const plan = planAuthorizedIpRangeChange(before, change, await protectedRangesFor(cluster, change, request.correlationId), { onMissingRemoval: "skip" });
    if (!plan.ok) throw new Error(plan.errors.map((error) => error.message).join(" "));

    if (plan.added.length > 0 || plan.removed.length > 0) {
      if (!etag) throw new RetryableError("ARM returned the cluster without an eTag; cannot update it safely.");
      // Not awaited: the engine writes progress in order (the PUT's own, then the final state, come
      // after it), and a lost progress line is no reason to hold back or fail the change.
      context
        .reportProgress({ phase: "applying", message: `Updating ${cluster.name}: ${describe(plan.added, plan.removed)}`, operation: { status: "Started" } })
        .catch((error: unknown) => logger.warn("progress not recorded", { requestId: request.id, error }));
      try {
        // The PUT carries the cluster as this read saw it: one ARM read per attempt, not two.
        const result = await replaceAuthorizedIpRanges(read, plan.ranges, {
          correlationId: request.correlationId,
          pollIntervalMs: options.pollIntervalMs,
          signal: context.signal,
          onProgress: (status) => context.reportProgress({ phase: "applying", message: `Azure is updating ${cluster.name}`, operation: { status } }),
        });
        verify(result.cluster.apiServerAccess.authorizedIpRanges, change);
        // Best effort: the next sync would correct the cache anyway.
        await refreshCachedCluster(result.cluster).catch((error: unknown) => logger.warn("inventory cache not refreshed", { requestId: request.id, error }));
      } catch (error) {
        const failure = armFailure(error);
        if (failure.kind === "precondition-failed") continue;
        if (failure.retryable) throw new RetryableError(`Azure Resource Manager: ${failure.message}`, { cause: error });
        throw new Error(`Azure Resource Manager refused the update: ${failure.message}`, { cause: error });
      }
    }
    await recordRangeChanges(clusterKey(resourceId), request, payload);
    const after = plan.ranges;
    return { before: { authorizedIpRanges: before }, after: { authorizedIpRanges: after }, summary: describe(plan.added, plan.removed) || "Already in place; nothing to change." };
  }
  throw new RetryableError("The cluster kept changing while Clusterdesk tried to update it.");
}

/**
 * The cluster's egress IPs, which a removal must not cut off (./egress-ranges.ts). Only removals can
 * take them away, so a change that removes nothing needs no read of the public IP resources.
 */
async function protectedRangesFor(cluster: Cluster, change: { remove: readonly string[] }, correlationId: string): Promise<string[]> {
  if (change.remove.length === 0) return [];
  const egress = await egressRangesOf(cluster, correlationId).catch((error: unknown) => {
    const failure = armFailure(error);
    throw failure.retryable ? new RetryableError(`Azure Resource Manager: ${failure.message}`, { cause: error }) : error;
  });
  return egress.ranges;
}

function describe(added: readonly string[], removed: readonly string[]): string {
  return [added.length ? `added ${added.join(", ")}` : "", removed.length ? `removed ${removed.join(", ")}` : ""].filter(Boolean).join("; ");
}

function verify(actual: readonly string[], change: { add: readonly string[]; remove: readonly string[] }): void {
  const check = planAuthorizedIpRangeChange(actual, change, [], { onMissingRemoval: "skip" });
  if (!check.ok || check.added.length > 0 || check.removed.length > 0) {
    throw new Error("Azure reported success, but the cluster's authorized IP ranges do not show the change.");
  }
}

/** Reads the cluster, waiting while another operation (possibly our own, before a crash) runs on it. */
async function readWhenIdle(
  resourceId: string,
  request: ExecutableRequest,
  context: ExecutionContext,
  options: AuthorizedIpRangeExecutorOptions,
  firstRead?: Promise<ClusterWithEtag>,
): Promise<ClusterWithEtag> {
  const deadline = Date.now() + (options.busyWaitMs ?? 10 * 60_000);
  let early = firstRead;
  for (;;) {
    let read;
    try {
      read = await (early ?? getCluster(resourceId, request.correlationId));
      early = undefined;
    } catch (error) {
      const failure = armFailure(error);
      if (failure.retryable) throw new RetryableError(`Azure Resource Manager: ${failure.message}`, { cause: error });
      throw new Error(failure.kind === "not-found" ? "The cluster no longer exists in Azure." : `Azure Resource Manager: ${failure.message}`, { cause: error });
    }
    if (!busyStates.has(read.cluster.provisioningState)) return read;
    if (Date.now() > deadline) throw new RetryableError(`${read.cluster.name} is still ${read.cluster.provisioningState.toLowerCase()}; will try again.`);
    await context.reportProgress({ phase: "waiting", message: `${read.cluster.name} is ${read.cluster.provisioningState.toLowerCase()}; waiting for that operation to finish`, operation: { status: read.cluster.provisioningState } });
    await sleep(options.pollIntervalMs ?? 5000, undefined, { signal: context.signal });
  }
}
