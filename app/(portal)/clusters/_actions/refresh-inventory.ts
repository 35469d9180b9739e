"use server";

import { revalidatePath } from "next/cache";
import { authorizeAction } from "@/lib/server/auth/current-user";
import { requestInventoryRefresh } from "@/lib/server/clusters/request-refresh";
import { logger } from "@/lib/server/logger";
import { requestContext } from "@/lib/server/request-context";

export type RefreshInventoryResult = { ok: true; data: { syncId: string; alreadyRunning: boolean } } | { ok: false; error: string };

/** Queues an inventory sync (admins only). No input: the sync covers every configured subscription. */
export async function refreshInventoryAction(): Promise<RefreshInventoryResult> {
  const authorized = await authorizeAction("fleet.sync", { kind: "portal" });
  if (!authorized.ok) return authorized;
  const context = await requestContext();
  try {
    const data = await requestInventoryRefresh(authorized.user, context);
    revalidatePath("/clusters");
    return { ok: true, data };
  } catch (error) {
    logger.error("queuing an inventory sync failed", { correlationId: context.correlationId, error: error instanceof Error ? error.message : String(error) });
    return { ok: false, error: `The sync could not be queued. Try again; if it keeps failing, quote reference ${context.correlationId}.` };
  }
}
