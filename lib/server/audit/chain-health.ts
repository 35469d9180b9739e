import "server-only";
import { can, type Principal } from "@/lib/auth/policy";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { db } from "@/lib/server/db/client";

/** Recorded by the scheduled checkpoint when the chain no longer holds (scheduled-checkpoint.ts). */
export const chainBrokenAction = "audit.chain_broken";

export type AuditChainBreak = { detectedAt: Date; tampering: string; firstBrokenSeq: string };

/**
 * The newest break the scheduled verification recorded, or null. A break stays reported for as long
 * as its event is in the log (until archived): a restart, or an owner who quietly re-signs, must not
 * make tampering evidence disappear from the health report. One index lookup (action, seq).
 */
export async function latestAuditChainBreak(client: PrismaClient): Promise<AuditChainBreak | null> {
  const event = await client.auditEvent.findFirst({
    where: { action: chainBrokenAction },
    orderBy: { seq: "desc" },
    select: { occurredAt: true, after: true },
  });
  if (!event) return null;
  const after = (event.after ?? {}) as { tampering?: unknown; firstBrokenSeq?: unknown };
  return { detectedAt: event.occurredAt, tampering: String(after.tampering ?? "unknown"), firstBrokenSeq: String(after.firstBrokenSeq ?? "unknown") };
}

/** The break for the portal's banner: only those who may verify the chain (admins, auditors) see it. */
export async function auditChainBreakFor(principal: Principal): Promise<AuditChainBreak | null> {
  if (!can(principal, "audit.verify", { kind: "audit" })) return null;
  return latestAuditChainBreak(db());
}
