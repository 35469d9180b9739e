import "server-only";
import { namespaceAccessPayload } from "@/lib/requests/kinds";

/** Two open requests are the same change when they grant the same role at the same scope to the same principal, or revoke the same grant. */
export function sameAccessChange(payload: unknown): string {
  const parsed = namespaceAccessPayload.safeParse(payload);
  if (!parsed.success) return `unreadable:${JSON.stringify(payload)}`;
  const change = parsed.data;
  return change.action === "grant" ? `grant:${change.role}:${change.namespace ?? "*"}:${change.principal.objectId}` : `revoke:${change.grantId}`;
}
