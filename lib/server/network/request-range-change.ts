import "server-only";
import { analyzeAuthorizedIpRanges, planAuthorizedIpRangeChange } from "@/lib/cidr";
import { clusterKey } from "@/lib/clusters/resource-id";
import { armFailure } from "@/lib/server/azure/arm-errors";
import { getCluster } from "@/lib/server/azure/managed-clusters";
import type { CurrentUser } from "@/lib/server/auth/current-user";
import type { RequestContext } from "@/lib/server/request-context";
import { actorOf } from "@/lib/server/requests/actor";
import { createChangeRequest } from "@/lib/server/requests/create-request";
import { tenantsHostedOn } from "@/lib/server/clusters/cluster-resource";
import { egressRangesOf } from "./egress-ranges";

export type RangeChange =
  | { add: { range: string; owner: string | null; expiresAt: Date | null } }
  | { remove: { range: string } };

export type RangeChangeOutcome =
  | { ok: true; number: number; status: string; warnings: string[] }
  | { ok: false; error: string; field?: "range" };

/**
 * Turns a validated form into a change request after checking it against the cluster as ARM
 * reports it now: private clusters, duplicates, the 200-range limit and removals of ranges that
 * are not there are refused with a clear message, and nothing is recorded.
 */
export async function requestRangeChange(
  clusterResourceId: string,
  change: RangeChange,
  justification: string,
  options: { applyNow: boolean },
  user: CurrentUser,
  context: RequestContext,
): Promise<RangeChangeOutcome> {
  let current;
  try {
    current = (await getCluster(clusterResourceId, context.correlationId)).cluster;
  } catch (error) {
    return { ok: false, error: `Azure could not be asked for the cluster's current ranges (${armFailure(error).message}). Nothing was changed; try again.` };
  }
  if (current.apiServerAccess.privateCluster) {
    return { ok: false, error: "This cluster is private: its API server is reachable only from its virtual network, so authorized IP ranges do not apply." };
  }
  const ranges = current.apiServerAccess.authorizedIpRanges;
  const egress = await egressRangesOf(current, context.correlationId).catch(() => ({ ranges: [], complete: false }));
  const plan = planAuthorizedIpRangeChange(ranges, "add" in change ? { add: [change.add.range], remove: [] } : { add: [], remove: [change.remove.range] }, egress.ranges);
  if (!plan.ok) return { ok: false, error: plan.errors.map((error) => error.message).join(" "), field: "range" };
  if ("add" in change && plan.alreadyPresent.length > 0) {
    return { ok: false, error: `${change.add.range} is already on the cluster's list.`, field: "range" };
  }
  if ("add" in change && ranges.length === 0) {
    // An empty list means "no restriction": adding one range would lock everyone else out.
    return { ok: false, error: "This cluster's API server is open to every address. Adding a first range would lock out everyone else; a platform admin has to restrict it deliberately." };
  }
  const target = "add" in change ? change.add.range : change.remove.range;
  // Flag duplicates and overlaps that involve this range (the list's older issues are not news).
  const warnings = analyzeAuthorizedIpRanges(plan.ranges)
    .filter((issue) => issue.severity === "warning" && "range" in issue && (issue.range === target || ("container" in issue && issue.container === target)))
    .map((issue) => issue.message);

  const hosted = await tenantsHostedOn(clusterResourceId);
  const tenantId = hosted.find((tenant) => user.principal.ownedTenantIds.includes(tenant.id))?.id ?? null;
  const payload =
    "add" in change
      ? { add: [{ range: change.add.range, owner: change.add.owner, expiresAt: change.add.expiresAt?.toISOString() ?? null }], remove: [] }
      : { add: [], remove: [change.remove.range] };
  const created = await createChangeRequest(
    { kind: "authorized-ip-ranges", clusterResourceId: clusterKey(clusterResourceId), tenantId, payload, justification, decideBy: null },
    actorOf(user),
    context,
    options.applyNow ? { applyDirectly: { reason: justification } } : {},
  );
  return { ok: true, number: created.number, status: created.status, warnings };
}
