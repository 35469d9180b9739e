import "server-only";
import { normalizeAuthorizedIpRange } from "@/lib/cidr";
import type { AuthorizedIpRangeChangePayload } from "@/lib/requests/kinds";
import { db } from "@/lib/server/db/client";
import type { ExecutableRequest } from "@/lib/server/requests/executor";

/**
 * Keeps Clusterdesk's records (owner, reason, expiry) in step with an applied change. Idempotent:
 * a resumed attempt upserts the same rows again.
 */
export async function recordRangeChanges(clusterResourceId: string, request: ExecutableRequest, payload: AuthorizedIpRangeChangePayload): Promise<void> {
  const source = await db().changeRequest.findUnique({
    where: { id: request.id },
    select: { requesterId: true, requesterName: true, justification: true },
  });
  const removed = payload.remove.map((range) => normalizeAuthorizedIpRange(range) ?? range);
  await db().$transaction(async (tx) => {
    for (const entry of payload.add) {
      const range = normalizeAuthorizedIpRange(entry.range) ?? entry.range;
      const record = {
        owner: entry.owner,
        reason: source?.justification ?? "",
        expiresAt: entry.expiresAt ? new Date(entry.expiresAt) : null,
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
