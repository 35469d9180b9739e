import "server-only";
import type { CurrentUser } from "@/lib/server/auth/current-user";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { db } from "@/lib/server/db/client";
import type { RequestContext } from "@/lib/server/request-context";
import { recordAuditEvent } from "./append-audit-event";
import { configuredCheckpointKey } from "./checkpoint";
import type { Tampering } from "./verify-audit-chain";
import { verifyAuditLogIntegrity } from "./verify-audit-log";

export type AuditLogVerdict = {
  intact: boolean;
  count: number;
  firstBrokenSeq?: string;
  /** What the break looks like: missing, altered, rewritten, truncated, forged-append or forged-checkpoint. */
  tampering?: Tampering;
  reason?: string;
  /** What the check could not rule out (no key, stale checkpoints, events after the newest checkpoint). */
  warnings: string[];
  /** The archived prefix the check started after (archive-audit-log.ts), null when nothing was archived. */
  archive: { throughSeq: string; archives: number; newestFile: string } | null;
  checkedAt: string;
};

/** Verifies the whole chain, held to the signed checkpoints, for a reviewer in the UI and records that they did. */
export async function verifyAuditLog(user: CurrentUser, context: RequestContext, client: PrismaClient = db()): Promise<AuditLogVerdict> {
  const verdict = await verifyAuditLogIntegrity(client, { key: configuredCheckpointKey() });
  const checkedAt = new Date().toISOString();
  const archive = verdict.archive && { throughSeq: String(verdict.archive.throughSeq), archives: verdict.archive.archives, newestFile: verdict.archive.newestFile };
  const result: AuditLogVerdict = verdict.ok
    ? { intact: true, count: verdict.count, warnings: verdict.warnings, archive, checkedAt }
    : { intact: false, count: verdict.count, firstBrokenSeq: String(verdict.firstBrokenSeq), tampering: verdict.tampering, reason: verdict.reason, warnings: verdict.warnings, archive, checkedAt };
  await recordAuditEvent({
    actor: { kind: "user", objectId: user.objectId, name: user.displayName, upn: user.userPrincipalName },
    action: "audit.chain_verified",
    target: { type: "audit_log" },
    outcome: verdict.ok ? "success" : "failure",
    after: { intact: result.intact, count: result.count, firstBrokenSeq: result.firstBrokenSeq ?? null, tampering: result.tampering ?? null },
    reason: result.reason ?? null,
    correlationId: context.correlationId,
    clientIp: context.clientIp,
    userAgent: context.userAgent,
  }, client);
  return result;
}
