import "server-only";
import { recordAuditEvent } from "@/lib/server/audit/append-audit-event";
import type { CurrentUser } from "@/lib/server/auth/current-user";
import type { RequestContext } from "@/lib/server/request-context";
import { requestInventorySync } from "./sync-queue";

/** An admin's "Refresh inventory": queues a sync (or joins the one under way) and records who asked. */
export async function requestInventoryRefresh(user: CurrentUser, context: RequestContext): Promise<{ syncId: string; alreadyRunning: boolean }> {
  const result = await requestInventorySync("manual", { id: user.objectId, name: user.displayName });
  await recordAuditEvent({
    actor: { kind: "user", objectId: user.objectId, name: user.displayName, upn: user.userPrincipalName },
    action: "inventory.sync_requested",
    outcome: "success",
    target: { type: "inventory-sync", id: result.syncId },
    after: { alreadyRunning: result.alreadyRunning },
    correlationId: context.correlationId,
    clientIp: context.clientIp,
    userAgent: context.userAgent,
  });
  return result;
}
