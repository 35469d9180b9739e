import "server-only";
import type { CurrentUser } from "@/lib/server/auth/current-user";

/** Who acts on a request: a person, or Clusterdesk itself (expiry, drift clean-up, the executor). */
export type Actor =
  | { kind: "user"; objectId: string; name: string; upn: string }
  | { kind: "system"; name: string };

export const systemActor: Actor = { kind: "system", name: "Clusterdesk" };

export function actorOf(user: CurrentUser): Extract<Actor, { kind: "user" }> {
  return { kind: "user", objectId: user.objectId, name: user.displayName, upn: user.userPrincipalName };
}

export function auditActor(actor: Actor) {
  return actor.kind === "user"
    ? { kind: "user" as const, objectId: actor.objectId, name: actor.name, upn: actor.upn }
    : { kind: "system" as const, objectId: null, name: actor.name, upn: null };
}
