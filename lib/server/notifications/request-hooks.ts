import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { RequestHappening } from "@/lib/notifications/compose";
import type { RequestEvent } from "@/lib/requests/state-machine";
import type { Actor } from "@/lib/server/requests/actor";
import { recordRequestNotifications } from "./record";

/** What a state-machine event means to the people who hear about it; null: nobody needs to. */
function happeningOf(event: RequestEvent, actor: Actor, reason: string | null): RequestHappening | null {
  const by = actor.kind === "user" ? { byId: actor.objectId, byName: actor.name } : { byId: null, byName: actor.name };
  if (event === "approve") return { type: "approved", ...by, comment: reason };
  if (event === "reject") return { type: "rejected", ...by, comment: reason };
  if (event === "succeed") return { type: "applied", summary: reason };
  if (event === "fail") return { type: "failed", error: reason ?? "Unknown error." };
  if (event === "expire") return { type: "expired" };
  return null; // start, retry, cancel: the requester caused them or sees them on the page.
}

/** Called by the request engine inside a transition's transaction (lib/server/requests/transitions.ts). */
export async function notifyRequestTransition(tx: Prisma.TransactionClient, requestId: string, event: RequestEvent, actor: Actor, reason: string | null): Promise<void> {
  const happening = happeningOf(event, actor, reason);
  if (happening) await recordRequestNotifications(tx, requestId, happening);
}
