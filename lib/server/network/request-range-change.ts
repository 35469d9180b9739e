import "server-only";
import { analyzeAuthorizedIpRanges, planAuthorizedIpRangeChange, rangeTooWide } from "@/lib/cidr";
import { clusterKey } from "@/lib/clusters/resource-id";
import { env } from "@/lib/env";
import { rangeChangeKey } from "@/lib/network/range-change-key";
import { authorizedIpRangeChangePayload } from "@/lib/requests/kinds";
import { armFailure } from "@/lib/server/azure/arm-errors";
import { getCluster } from "@/lib/server/azure/managed-clusters";
import type { CurrentUser } from "@/lib/server/auth/current-user";
import type { RequestContext } from "@/lib/server/request-context";
import { actorOf } from "@/lib/server/requests/actor";
import { createChangeRequestUnlessOpen } from "@/lib/server/requests/create-request";
import { egressRangesOf } from "./egress-ranges";
import { rangeOwnersOn } from "./range-owners";

export type RangeChange =
  | { add: { range: string; owner: string | null; lifetimeSeconds: number | null } }
  | { remove: { range: string } };

export type RangeChangeOutcome =
  | { ok: true; number: number; status: string; warnings: string[] }
  | { ok: false; error: string; field?: "range"; openRequest?: number };

/**
 * Turns a validated form into a change request after checking it against the cluster as ARM
 * reports it now. Refused with a clear message, recording nothing: private clusters, ranges wider
 * than the configured minimum (and allow-all), ranges already on the list or already allowed by a
 * wider one, removals of ranges that are not there, the 200-range limit, and a change that an open
 * request already asks for. Warnings the requester sees are stored with the request for the approver.
 */
export async function requestRangeChange(
  clusterResourceId: string,
  change: RangeChange,
  justification: string,
  options: { applyNow: boolean; tenantId: string | null },
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
  const tooWide = "add" in change ? rangeTooWide(change.add.range, env().minIpRangePrefixLength) : null;
  if (tooWide) return { ok: false, error: tooWide, field: "range" };

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
  const issues = analyzeAuthorizedIpRanges(plan.ranges);
  const coveredBy = issues.find((issue) => issue.kind === "overlap" && issue.range === target);
  if ("add" in change && coveredBy?.kind === "overlap") {
    // A range inside one already allowed changes nothing on the cluster; as a request it would only
    // be approved, applied and expired for nothing. Say whose range already covers it.
    const [owner] = await rangeOwnersOn(clusterResourceId, [coveredBy.container]);
    const whose = owner?.tenant ? `, which belongs to ${owner.tenant.name}` : owner?.source === "found-on-cluster" ? ", which was found on the cluster" : "";
    return { ok: false, field: "range", error: `${target} is already allowed by ${coveredBy.container}${whose}, so adding it would change nothing. If you need it to stay when that range goes, ask a platform admin.` };
  }
  // Duplicates and overlaps that involve this range (the list's older issues are not news).
  const warnings = issues
    .filter((issue) => issue.severity === "warning" && "range" in issue && (issue.range === target || ("container" in issue && issue.container === target)))
    .map((issue) => issue.message);

  const payload = authorizedIpRangeChangePayload.parse(
    "add" in change ? { add: [{ range: change.add.range, owner: change.add.owner, lifetimeSeconds: change.add.lifetimeSeconds }], remove: [] } : { add: [], remove: [change.remove.range] },
  );
  const created = await createChangeRequestUnlessOpen(
    { kind: "authorized-ip-ranges", clusterResourceId: clusterKey(clusterResourceId), tenantId: options.tenantId, payload, justification, decideBy: null, warnings },
    actorOf(user),
    context,
    { sameChangeKey: sameRangeChange, ...(options.applyNow ? { applyDirectly: { reason: justification } } : {}) },
  );
  if (!created.ok) {
    const { number } = created.openRequest;
    return { ok: false, error: `Request #${number} already asks for this change and is still open (/requests/${number}). Follow that request instead of asking again.`, openRequest: number };
  }
  return { ok: true, number: created.number, status: created.status, warnings };
}

/** Stored payloads that no longer parse cannot be the same change as a new one. */
function sameRangeChange(payload: unknown): string {
  const parsed = authorizedIpRangeChangePayload.safeParse(payload);
  return parsed.success ? rangeChangeKey(parsed.data) : `unreadable:${JSON.stringify(payload)}`;
}
