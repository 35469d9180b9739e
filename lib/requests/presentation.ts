import { isRequestKind, requestKinds } from "./kinds";
import type { RequestStatus } from "./state-machine";

/**
 * How requests read in the UI. Pure, so the list, the detail page and the tests agree on wording.
 * Every status has a text label: colour only reinforces it (WCAG 1.4.1).
 */
export type StatusTone = "neutral" | "info" | "progress" | "success" | "danger" | "muted";

export const requestStatusPresentation: Record<RequestStatus, { label: string; tone: StatusTone }> = {
  pending: { label: "Pending approval", tone: "info" },
  approved: { label: "Approved, queued", tone: "progress" },
  applying: { label: "Applying", tone: "progress" },
  applied: { label: "Applied", tone: "success" },
  failed: { label: "Failed", tone: "danger" },
  rejected: { label: "Rejected", tone: "danger" },
  cancelled: { label: "Cancelled", tone: "muted" },
  expired: { label: "Expired", tone: "muted" },
};

export function requestKindLabel(kind: string): string {
  return isRequestKind(kind) ? requestKinds[kind].label : kind;
}

/** The list's tabs. `inbox` is the admins' queue: pending requests they may decide on. */
export const requestViews = ["inbox", "all", "mine", "pending", "applying", "failed"] as const;
export type RequestView = (typeof requestViews)[number];

export function isRequestView(value: string): value is RequestView {
  return (requestViews as readonly string[]).includes(value);
}

/** Statuses shown under a view's tab; `applying` includes approved requests waiting for the worker. */
export const viewStatuses: Record<RequestView, readonly RequestStatus[] | null> = {
  inbox: ["pending"],
  all: null,
  mine: null,
  pending: ["pending"],
  applying: ["approved", "applying"],
  failed: ["failed"],
};

/** Statuses during which the detail page refreshes itself to follow the executor. */
export function isInFlight(status: RequestStatus): boolean {
  return status === "approved" || status === "applying";
}
