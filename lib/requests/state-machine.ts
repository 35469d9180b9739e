/**
 * The life of a change request (ARCHITECTURE.md "Changes"). Pure: the database layer applies a
 * transition with a compare-and-set on the current status, so two admins approving at the same
 * moment cannot both succeed, and the audit event is written in the same transaction.
 */

export const requestStatuses = ["pending", "approved", "rejected", "cancelled", "expired", "applying", "applied", "failed"] as const;
export type RequestStatus = (typeof requestStatuses)[number];

export const requestEvents = ["approve", "reject", "cancel", "expire", "start", "succeed", "fail", "retry"] as const;
export type RequestEvent = (typeof requestEvents)[number];

const transitions: Record<RequestEvent, { from: readonly RequestStatus[]; to: RequestStatus }> = {
  approve: { from: ["pending"], to: "approved" },
  reject: { from: ["pending"], to: "rejected" },
  cancel: { from: ["pending"], to: "cancelled" },
  expire: { from: ["pending"], to: "expired" },
  // `applying` → `applying` is a resume: the worker died mid-change and the job runs again.
  start: { from: ["approved", "applying"], to: "applying" },
  succeed: { from: ["applying"], to: "applied" },
  fail: { from: ["applying"], to: "failed" },
  retry: { from: ["failed"], to: "applying" },
};

export type Transition = { ok: true; from: RequestStatus; to: RequestStatus } | { ok: false; error: string };

export function transition(current: RequestStatus, event: RequestEvent): Transition {
  const rule = transitions[event];
  if (!rule.from.includes(current)) {
    return { ok: false, error: `Cannot ${event} a request that is ${current}.` };
  }
  return { ok: true, from: current, to: rule.to };
}

export const terminalStatuses: readonly RequestStatus[] = ["rejected", "cancelled", "expired", "applied"];

export function isTerminal(status: RequestStatus): boolean {
  return terminalStatuses.includes(status);
}

/** Statuses from which the executor should (re)apply the change. */
export function needsExecution(status: RequestStatus): boolean {
  return status === "approved" || status === "applying";
}
