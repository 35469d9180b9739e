import "server-only";
import { db } from "@/lib/server/db/client";
import type { UserActor } from "@/lib/server/requests/actor";
import { appendGrantEvent, describeGrant } from "./grant-lifecycle-events";

export type ExpireNowOutcome = { ok: true; grantId: string; expiresAt: Date } | { ok: false; status: 404 | 409; error: string };

/**
 * Test hook (CLUSTERDESK_TEST_HOOKS, local mode only; app/api/test-hooks): moves the end of the
 * active time-bound grant of request #`requestNumber` to now, audited on the grant's request, so an
 * e2e scenario sees the expiry job revoke it with nobody acting, without waiting hours and without
 * shortening anyone else's grants. What happens next is the product's own path: the reconcile job
 * (every minute) asks for the revocation and the worker applies it.
 */
export async function expireGrantNow(requestNumber: number, actor: UserActor, now = new Date()): Promise<ExpireNowOutcome> {
  const request = await db().changeRequest.findUnique({ where: { number: requestNumber }, select: { id: true } });
  const grant = request ? await db().namespaceAccessGrant.findUnique({ where: { requestId: request.id } }) : null;
  if (!grant) return { ok: false, status: 404, error: `Request #${requestNumber} recorded no grant.` };
  if (grant.revokedAt) return { ok: false, status: 409, error: "The grant is already revoked." };
  if (!grant.expiresAt) return { ok: false, status: 409, error: "The grant is permanent: it has no end to move." };
  if (grant.effect === "waiting") return { ok: false, status: 409, error: "The grant is not effective yet: its end is still to be counted from the effect." };
  const before = grant.expiresAt;
  await db().$transaction(async (tx) => {
    await tx.namespaceAccessGrant.updateMany({ where: { id: grant.id, revokedAt: null }, data: { expiresAt: now } });
    await appendGrantEvent(tx, grant, {
      action: "access.grant_expiry_moved",
      actor,
      before: { expiresAt: before.toISOString() },
      after: { expiresAt: now.toISOString() },
      reason: `Test hook: the end of ${describeGrant(grant)} moved from ${before.toISOString()} to now.`,
    });
  });
  return { ok: true, grantId: grant.id, expiresAt: now };
}
