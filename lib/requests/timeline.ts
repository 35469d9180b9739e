/**
 * A request's timeline is its audit events (target `change_request`, id = request id). This maps
 * the stored events to what the request page shows; pure so the wording is unit-tested.
 */
export type TimelineSource = {
  seq: bigint;
  occurredAt: Date;
  action: string;
  actorKind: string;
  actorName: string | null;
  outcome: string;
  reason: string | null;
  after: unknown;
};

export type TimelineTone = "neutral" | "success" | "danger" | "progress";

export type TimelineEntry = {
  id: string;
  at: Date;
  action: string;
  title: string;
  /** The decision comment, the applied change's summary or the failure's error message. */
  detail: string | null;
  actorName: string | null;
  tone: TimelineTone;
};

function attemptOf(after: unknown): number | null {
  if (typeof after !== "object" || after === null || !("attempt" in after)) return null;
  return typeof after.attempt === "number" ? after.attempt : null;
}

function describe(event: TimelineSource): { title: string; tone: TimelineTone; showReason: boolean } {
  const who = event.actorKind === "system" ? "Clusterdesk" : (event.actorName ?? "someone");
  switch (event.action) {
    case "request.created":
      return { title: `Requested by ${who}`, tone: "neutral", showReason: false };
    case "request.approved":
      return { title: `Approved by ${who}`, tone: "success", showReason: true };
    case "request.rejected":
      return { title: `Rejected by ${who}`, tone: "danger", showReason: true };
    case "request.cancelled":
      return { title: `Cancelled by ${who}`, tone: "neutral", showReason: true };
    case "request.expired":
      return { title: "Expired without a decision", tone: "neutral", showReason: true };
    case "request.applying": {
      const attempt = attemptOf(event.after);
      return { title: attempt === null ? "Applying" : `Applying (attempt ${attempt})`, tone: "progress", showReason: false };
    }
    case "request.applied":
      return { title: "Applied", tone: "success", showReason: true };
    case "request.failed":
      return { title: "Failed", tone: "danger", showReason: true };
    case "access.grant_effective":
      return { title: "Effective on the cluster", tone: "success", showReason: true };
    case "access.grant_not_effective":
      return { title: "Not effective in time", tone: "danger", showReason: true };
    case "access.grant_expiry_moved":
      return { title: `End moved by ${who}`, tone: "neutral", showReason: true };
    case "access.grant_expired":
      return { title: "Expired", tone: "neutral", showReason: true };
    case "access.grant_revoked":
      return { title: "Access revoked", tone: "neutral", showReason: true };
    case "request.retried":
      return { title: `Retried by ${who}`, tone: "progress", showReason: true };
    case "tenant_environment.object_applied":
      return { title: "Environment step done", tone: "progress", showReason: true };
    default:
      return { title: event.action, tone: "neutral", showReason: true };
  }
}

/** Oldest first, whatever order the events come in. */
export function timelineOf(events: readonly TimelineSource[]): TimelineEntry[] {
  return [...events]
    .sort((a, b) => (a.seq < b.seq ? -1 : a.seq > b.seq ? 1 : 0))
    .map((event) => {
      const { title, tone, showReason } = describe(event);
      return {
        id: event.seq.toString(),
        at: event.occurredAt,
        action: event.action,
        title,
        detail: showReason ? event.reason : null,
        actorName: event.actorKind === "system" ? "Clusterdesk" : event.actorName,
        tone,
      };
    });
}
