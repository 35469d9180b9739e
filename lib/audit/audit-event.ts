import type { JsonValue } from "./canonical-json";

export const auditActorKinds = ["user", "system"] as const;
export type AuditActorKind = (typeof auditActorKinds)[number];

export const auditOutcomes = ["success", "failure", "denied"] as const;
export type AuditOutcome = (typeof auditOutcomes)[number];

/** The fields an audit hash covers, as stored in `audit_event` (every field but `hash`). */
export type AuditEventFields = {
  seq: bigint;
  occurredAt: Date;
  actorKind: AuditActorKind;
  actorObjectId: string | null;
  actorName: string | null;
  actorUpn: string | null;
  action: string;
  targetType: string | null;
  targetId: string | null;
  clusterId: string | null;
  tenantId: string | null;
  outcome: AuditOutcome;
  before: JsonValue | null;
  after: JsonValue | null;
  reason: string | null;
  correlationId: string | null;
  clientIp: string | null;
  userAgent: string | null;
  prevHash: string;
};

/** An audit event as stored. */
export type AuditEventRecord = AuditEventFields & { hash: string };
