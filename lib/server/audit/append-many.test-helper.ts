import { chainAuditEvent } from "@/lib/audit/audit-hash";
import type { AuditEventRecord } from "@/lib/audit/audit-event";
import { type AuditEventInput, parseAuditEventInput } from "@/lib/audit/audit-event-input";
import { Prisma } from "@/lib/generated/prisma/client";
import { db } from "@/lib/server/db/client";
import { appendAuditEvent } from "./append-audit-event";

/**
 * Appends many events fast for tests at scale: the first through appendAuditEvent (which takes the
 * chain's lock for the transaction and reads the head), the rest chained in memory and inserted in
 * one statement under that same lock, so the chain stays valid for the tests that verify it.
 */
export async function appendManyAuditEvents(inputs: readonly AuditEventInput[]): Promise<void> {
  const [first, ...rest] = inputs;
  if (first === undefined) return;
  await db().$transaction(async (tx) => {
    let head: AuditEventRecord = await appendAuditEvent(tx, first);
    const rows: AuditEventRecord[] = [];
    for (const input of rest) {
      const { occurredAt, ...content } = parseAuditEventInput(input);
      head = chainAuditEvent(head, { ...content, occurredAt: occurredAt ?? new Date() });
      rows.push(head);
    }
    await tx.auditEvent.createMany({ data: rows.map((row) => ({ ...row, before: row.before ?? Prisma.DbNull, after: row.after ?? Prisma.DbNull })) });
  }, { timeout: 120_000 });
}
