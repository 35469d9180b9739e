import "server-only";
import type { CurrentUser } from "@/lib/server/auth/current-user";
import { db } from "@/lib/server/db/client";
import type { RequestContext } from "@/lib/server/request-context";
import { recordAuditEvent } from "./append-audit-event";
import { verifyAuditChain } from "./verify-audit-chain";

export type AuditLogVerdict = { intact: boolean; count: number; firstBrokenSeq?: string; reason?: string; checkedAt: string };

/** Verifies the whole chain for a reviewer in the UI and records that they did, with the verdict. */
export async function verifyAuditLog(user: CurrentUser, context: RequestContext): Promise<AuditLogVerdict> {
  const verdict = await verifyAuditChain(db());
  const result: AuditLogVerdict = verdict.ok
    ? { intact: true, count: verdict.count, checkedAt: new Date().toISOString() }
    : { intact: false, count: verdict.count, firstBrokenSeq: String(verdict.firstBrokenSeq), reason: verdict.reason, checkedAt: new Date().toISOString() };
  await recordAuditEvent({
    actor: { kind: "user", objectId: user.objectId, name: user.displayName, upn: user.userPrincipalName },
    action: "audit.chain_verified",
    target: { type: "audit_log" },
    outcome: verdict.ok ? "success" : "failure",
    after: { intact: result.intact, count: result.count, firstBrokenSeq: result.firstBrokenSeq ?? null },
    reason: result.reason ?? null,
    correlationId: context.correlationId,
    clientIp: context.clientIp,
    userAgent: context.userAgent,
  });
  return result;
}
