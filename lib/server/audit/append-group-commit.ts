import "server-only";
import type { AuditEventRecord } from "@/lib/audit/audit-event";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { appendParsedAuditEvents, type ParsedAuditEvent } from "./append-chain";

/**
 * Group commit for events that accompany no other write (`recordAuditEvent`). Appends are serialised
 * by the chain's lock, so one event per transaction is bound by a lock–read–insert–commit round,
 * WAL flush included, at a time. Here the callers of one process queue up while a batch is being
 * written; the next batch — everyone who arrived meanwhile — is then written by one transaction that
 * takes the lock once, reads the head once and inserts every event in one statement. Each caller's
 * promise settles only after that transaction has committed (or failed), so an event is durable and
 * chained when the call returns, as before. A batch commits or fails as a whole: on failure every
 * caller in it gets the error and none of its events is written; nothing is retried here, because a
 * failed COMMIT can leave the caller unsure whether it happened, and a blind retry could then write
 * an event twice.
 */

const maxBatchSize = 256;

type Waiting = { event: ParsedAuditEvent; resolve: (record: AuditEventRecord) => void; reject: (error: unknown) => void };

class AuditAppendQueue {
  readonly #client: PrismaClient;
  #waiting: Waiting[] = [];
  #writing = false;

  constructor(client: PrismaClient) {
    this.#client = client;
  }

  append(event: ParsedAuditEvent): Promise<AuditEventRecord> {
    return new Promise((resolve, reject) => {
      this.#waiting.push({ event, resolve, reject });
      if (!this.#writing) void this.#writeBatches();
    });
  }

  async #writeBatches(): Promise<void> {
    this.#writing = true;
    try {
      while (this.#waiting.length > 0) {
        const batch = this.#waiting.splice(0, maxBatchSize);
        try {
          const records = await this.#client.$transaction((tx) => appendParsedAuditEvents(tx, batch.map((waiting) => waiting.event)));
          batch.forEach((waiting, index) => {
            const record = records[index];
            if (record) waiting.resolve(record);
            else waiting.reject(new Error("The audit batch returned fewer events than it was given."));
          });
        } catch (error) {
          for (const waiting of batch) waiting.reject(error);
        }
      }
    } finally {
      this.#writing = false;
    }
  }
}

// One queue per client (the app's singleton, or a test's or script's own client).
const queues = new WeakMap<PrismaClient, AuditAppendQueue>();

export function appendInGroupCommit(client: PrismaClient, event: ParsedAuditEvent): Promise<AuditEventRecord> {
  let queue = queues.get(client);
  if (!queue) {
    queue = new AuditAppendQueue(client);
    queues.set(client, queue);
  }
  return queue.append(event);
}
