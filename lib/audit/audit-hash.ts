import { createHash } from "node:crypto";
import type { AuditEventFields, AuditEventRecord } from "./audit-event";
import { canonicalJson } from "./canonical-json";

/** The prevHash of the first event. */
export const genesisHash = "0".repeat(64);

/**
 * The canonical document of an event. Fields are listed explicitly so that adding a column never
 * silently changes the hash of events already written; a new field needs a new, versioned document.
 * `seq` is a decimal string because a JSON number cannot carry every bigint exactly.
 */
export function auditEventDocument(fields: AuditEventFields): string {
  return canonicalJson({
    seq: fields.seq.toString(),
    occurredAt: fields.occurredAt,
    actorKind: fields.actorKind,
    actorObjectId: fields.actorObjectId,
    actorName: fields.actorName,
    actorUpn: fields.actorUpn,
    action: fields.action,
    targetType: fields.targetType,
    targetId: fields.targetId,
    clusterId: fields.clusterId,
    tenantId: fields.tenantId,
    outcome: fields.outcome,
    before: fields.before,
    after: fields.after,
    reason: fields.reason,
    correlationId: fields.correlationId,
    clientIp: fields.clientIp,
    userAgent: fields.userAgent,
    prevHash: fields.prevHash,
  });
}

/** hash = sha256(prevHash || canonical JSON of the event without its hash), lower-case hex. */
export function computeAuditHash(fields: AuditEventFields): string {
  return createHash("sha256").update(fields.prevHash, "utf8").update(auditEventDocument(fields), "utf8").digest("hex");
}

/** The event content a caller supplies; the chain supplies seq and prevHash. */
export type AuditEventContent = Omit<AuditEventFields, "seq" | "prevHash">;

/** The last event of the chain, or null when the chain is empty. */
export type AuditChainHead = { seq: bigint; hash: string } | null;

/** The record that appends `content` to the chain ending at `head`. */
export function chainAuditEvent(head: AuditChainHead, content: AuditEventContent): AuditEventRecord {
  const fields: AuditEventFields = { ...content, seq: head ? head.seq + 1n : 1n, prevHash: head ? head.hash : genesisHash };
  return { ...fields, hash: computeAuditHash(fields) };
}
