import "server-only";
import { normalizeAuthorizedIpRange } from "@/lib/cidr";
import { expiresAtAfter } from "@/lib/network/ip-range-request";
import type { AuthorizedIpRangeChangePayload } from "@/lib/requests/kinds";
import { db } from "@/lib/server/db/client";
import type { ExecutableRequest } from "@/lib/server/requests/executor";

/**
 * Keeps Clusterdesk's records (owner, tenant, reason, expiry) in step with an applied change. The
 * expiry starts now, when the range is on the cluster: a range approved hours after it was asked for
 * still gets its full lifetime. Idempotent: a resumed attempt upserts the same rows again and keeps
 * the expiry the first attempt recorded.
 */
export async function recordRangeChanges(clusterResourceId: string, request: ExecutableRequest, payload: AuthorizedIpRangeChangePayload, appliedAt = new Date()): Promise<void> {
  const source = await db().changeRequest.findUnique({
    where: { id: request.id },
    select: { requesterId: true, requesterName: true, justification: true },
  });
  const removed = payload.remove.map((range) => normalizeAuthorizedIpRange(range) ?? range);
  await db().$transaction(async (tx) => {
    for (const entry of payload.add) {
      const range = normalizeAuthorizedIpRange(entry.range) ?? entry.range;
      const earlier = await tx.authorizedIpRange.findUnique({ where: { clusterResourceId_range: { clusterResourceId, range } }, select: { requestId: true, expiresAt: true } });
      const record = {
        owner: entry.owner,
        tenantId: request.tenantId,
        reason: source?.justification ?? "",
        expiresAt: earlier?.requestId === request.id ? earlier.expiresAt : expiresAtAfter(entry.lifetimeSeconds, appliedAt),
        addedById: source?.requesterId ?? null,
        addedByName: source?.requesterName ?? "Clusterdesk",
        requestId: request.id,
      };
      await tx.authorizedIpRange.upsert({
        where: { clusterResourceId_range: { clusterResourceId, range } },
        create: { clusterResourceId, range, ...record },
        update: record,
      });
    }
    if (removed.length > 0) await tx.authorizedIpRange.deleteMany({ where: { clusterResourceId, range: { in: removed } } });
  });
}
