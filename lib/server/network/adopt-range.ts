import "server-only";
import { authorizedIpRangeKey } from "@/lib/cidr";
import { clusterKey } from "@/lib/clusters/resource-id";
import { appendAuditEvent } from "@/lib/server/audit/append-audit-event";
import type { CurrentUser } from "@/lib/server/auth/current-user";
import { getCluster } from "@/lib/server/azure/managed-clusters";
import { db } from "@/lib/server/db/client";
import type { RequestContext } from "@/lib/server/request-context";

/**
 * Records owner and reason for a range found on the cluster (added outside Clusterdesk). Changes
 * nothing in Azure, so it is not a change request, but it is audited like one.
 */
export async function adoptRange(
  clusterResourceId: string,
  input: { range: string; owner: string | null; reason: string },
  user: CurrentUser,
  context: RequestContext,
): Promise<{ ok: true } | { ok: false; error: string }> {
  const { cluster } = await getCluster(clusterResourceId, context.correlationId);
  const range = authorizedIpRangeKey(input.range);
  if (!cluster.apiServerAccess.authorizedIpRanges.some((candidate) => authorizedIpRangeKey(candidate) === range)) {
    return { ok: false, error: `${input.range} is not on the cluster's list (any more). Reload the page.` };
  }
  const key = clusterKey(clusterResourceId);
  await db().$transaction(async (tx) => {
    const record = { owner: input.owner, reason: input.reason, expiresAt: null, addedById: user.objectId, addedByName: user.displayName, requestId: null };
    await tx.authorizedIpRange.upsert({
      where: { clusterResourceId_range: { clusterResourceId: key, range } },
      create: { clusterResourceId: key, range, ...record },
      update: record,
    });
    await appendAuditEvent(tx, {
      actor: { kind: "user", objectId: user.objectId, name: user.displayName, upn: user.userPrincipalName },
      action: "cluster.authorized_ip_range.adopted",
      target: { type: "authorized_ip_range", id: range, clusterId: key },
      outcome: "success",
      after: { range, owner: input.owner, reason: input.reason },
      correlationId: context.correlationId,
      clientIp: context.clientIp,
      userAgent: context.userAgent,
    });
  });
  return { ok: true };
}
