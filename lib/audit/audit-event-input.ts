import { z } from "zod";
import { auditActorKinds, auditOutcomes } from "./audit-event";
import type { AuditEventContent } from "./audit-hash";
import { toJsonValue, type CanonicalValue } from "./canonical-json";

/**
 * What a feature passes to appendAuditEvent. Never put secrets here (tokens, client secrets, cookies,
 * authorization codes, passwords): the log is kept forever and cannot be edited to remove them.
 * `before`/`after` are snapshots of the changed resource, plain JSON (Dates become ISO strings).
 */

// PostgreSQL text cannot hold NUL, and a lone surrogate would be replaced on the way to UTF-8, so the
// stored value would no longer match its hash: untrusted text (headers) is made storable here.
const unstorable = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

function optionalText(max: number, truncate = false) {
  return z
    .string()
    .transform((text) => text.replace(unstorable, "\uFFFD"))
    .transform((text) => (truncate ? Array.from(text).slice(0, max).join("") : text))
    .pipe(z.string().max(max))
    .nullish()
    .transform((text) => text ?? null);
}

const snapshot = z
  .custom<CanonicalValue>()
  .nullish()
  .transform((value) => (value === null || value === undefined ? null : toJsonValue(value)));

export const auditEventInputSchema = z.object({
  /** Defaults to the moment the event takes its place in the chain. */
  occurredAt: z.date().optional(),
  actor: z.object({
    kind: z.enum(auditActorKinds),
    objectId: optionalText(128),
    name: optionalText(256),
    upn: optionalText(320),
  }),
  /** A dotted verb: `auth.sign_in`, `request.created`, `cluster.authorized_ip_ranges.changed`. */
  action: z.string().max(128).regex(/^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)+$/, "a dotted lower-case verb such as request.created"),
  target: z
    .object({
      type: z.string().min(1).max(64),
      id: optionalText(256),
      clusterId: optionalText(512),
      tenantId: optionalText(128),
    })
    .nullish(),
  outcome: z.enum(auditOutcomes),
  before: snapshot,
  after: snapshot,
  reason: optionalText(4000),
  correlationId: optionalText(128),
  clientIp: optionalText(64),
  userAgent: optionalText(512, true),
});

export type AuditEventInput = z.input<typeof auditEventInputSchema>;

/** Validates the input and flattens it into stored fields; occurredAt is null when the chain should stamp it. */
export function parseAuditEventInput(input: AuditEventInput): Omit<AuditEventContent, "occurredAt"> & { occurredAt: Date | null } {
  const event = auditEventInputSchema.parse(input);
  return {
    occurredAt: event.occurredAt ?? null,
    actorKind: event.actor.kind,
    actorObjectId: event.actor.objectId,
    actorName: event.actor.name,
    actorUpn: event.actor.upn,
    action: event.action,
    targetType: event.target?.type ?? null,
    targetId: event.target?.id ?? null,
    clusterId: event.target?.clusterId ?? null,
    tenantId: event.target?.tenantId ?? null,
    outcome: event.outcome,
    before: event.before,
    after: event.after,
    reason: event.reason,
    correlationId: event.correlationId,
    clientIp: event.clientIp,
    userAgent: event.userAgent,
  };
}
