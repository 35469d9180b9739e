import "server-only";
import { grantExpiresAt } from "@/lib/access/durations";
import type { NamespaceAccessPayload } from "@/lib/requests/kinds";
import { expiresAtLabel } from "./grant-extension-executor";

type Grant = Extract<NamespaceAccessPayload, { action: "grant" }>;

/**
 * The labels of a Clusterdesk RoleBinding: managed by Clusterdesk, the request's number and, for a
 * time-bound grant, its end in Unix seconds (label values allow no colons), so `kubectl get
 * rolebindings -l app.kubernetes.io/managed-by=clusterdesk --show-labels` tells who asked and until when.
 */
export function grantRoleBindingLabels(requestNumber: number, expiresAt: Date | null): Record<string, string> {
  return {
    "app.kubernetes.io/managed-by": "clusterdesk",
    "clusterdesk.io/request": String(requestNumber),
    ...(expiresAt ? { [expiresAtLabel]: String(Math.floor(expiresAt.getTime() / 1000)) } : {}),
  };
}

/** The end as first recorded when applied; the effect check moves it to count from the effect (and relabels). */
export function provisionalExpiry(grant: Grant, now = new Date()): Date | null {
  return grantExpiresAt(grant.lifetimeSeconds, now, grant.expiresAt ? new Date(grant.expiresAt) : null);
}
