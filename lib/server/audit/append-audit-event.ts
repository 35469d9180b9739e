import "server-only";
import type { AuditEventRecord } from "@/lib/audit/audit-event";
import { parseAuditEventInput, type AuditEventInput } from "@/lib/audit/audit-event-input";
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import { db } from "@/lib/server/db/client";
import { appendParsedAuditEvents } from "./append-chain";
import { appendInGroupCommit } from "./append-group-commit";

/**
 * Appends an event to the audit chain inside the caller's transaction, so the event commits or rolls
 * back together with the change it describes. It takes the chain's lock, held until the caller's
 * transaction ends (see append-chain.ts): append as the last step, and never hold the transaction
 * across a network call.
 */
export async function appendAuditEvent(tx: Prisma.TransactionClient, input: AuditEventInput): Promise<AuditEventRecord> {
  // Validate before taking the lock so that a bad input never makes other writers wait.
  const [record] = await appendParsedAuditEvents(tx, [parseAuditEventInput(input)]);
  if (!record) throw new Error("The audit chain returned no event.");
  return record;
}

/**
 * Appends an event in a transaction of its own, for events that accompany no other write (e.g. a
 * denied access). Concurrent calls in this process share one transaction (append-group-commit.ts);
 * the promise resolves once the event is committed and chained.
 */
export function recordAuditEvent(input: AuditEventInput, client: PrismaClient = db()): Promise<AuditEventRecord> {
  try {
    return appendInGroupCommit(client, parseAuditEventInput(input));
  } catch (error) {
    return Promise.reject(error);
  }
}
