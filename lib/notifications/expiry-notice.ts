/**
 * The notice a requester gets a day before what their request gave them (an IP range, an access
 * grant) is removed automatically, and the one the grant's holder gets. Pure, like compose.ts.
 */
export type ExpiringThing =
  | { kind: "ip-range"; range: string; clusterName: string; requestNumber: number }
  | { kind: "access-grant"; role: string; principalName: string; scope: string; clusterName: string; requestNumber: number };

export const upcomingExpiryWindowMs = 24 * 60 * 60 * 1000;

function inWords(ms: number): string {
  const hours = Math.max(1, Math.round(ms / 3_600_000));
  return hours >= 24 ? "about a day" : `${hours} hour${hours === 1 ? "" : "s"}`;
}

/** How long is left, in words, and the moment itself in UTC. */
function timing(expiresAt: Date, now: Date): { left: string; at: string } {
  return { left: inWords(expiresAt.getTime() - now.getTime()), at: `${expiresAt.toISOString().slice(0, 16).replace("T", " ")} UTC` };
}

export function composeExpiryNotice(thing: ExpiringThing, expiresAt: Date, now: Date): { subject: string; body: string; link: string } {
  const { left, at } = timing(expiresAt, now);
  const link = `/requests/${thing.requestNumber}`;
  if (thing.kind === "ip-range") {
    return {
      subject: `[Clusterdesk] ${thing.range} on ${thing.clusterName} expires in ${left}`,
      body: `The API server IP range ${thing.range} on ${thing.clusterName}, added by request #${thing.requestNumber}, is removed automatically at ${at}.\n\nIf it is still needed, ask for it again from the cluster's IP ranges tab.`,
      link,
    };
  }
  return {
    subject: `[Clusterdesk] ${thing.principalName}'s ${thing.role} access on ${thing.clusterName} expires in ${left}`,
    body: `${thing.principalName}'s ${thing.role} access (${thing.scope}) on ${thing.clusterName}, granted by request #${thing.requestNumber}, is revoked automatically at ${at}.\n\nIf it is still needed, extend it from the cluster's Access tab.`,
    link,
  };
}

/** The notice to the person who holds a time-bound grant somebody else asked for. */
export function composeGranteeExpiryNotice(thing: Extract<ExpiringThing, { kind: "access-grant" }>, requesterName: string, expiresAt: Date, now: Date): { subject: string; body: string; link: null } {
  const { left, at } = timing(expiresAt, now);
  return {
    subject: `[Clusterdesk] Your ${thing.role} access on ${thing.clusterName} expires in ${left}`,
    body: `Your ${thing.role} access (${thing.scope}) on ${thing.clusterName}, which ${requesterName} asked for in request #${thing.requestNumber}, is revoked automatically at ${at}.\n\nIf you still need it, ask ${requesterName} or a platform admin to extend it.`,
    link: null,
  };
}

/** One notice per thing and expiry time: an extended grant (a new expiry) gets a notice again. */
export function expiryNoticeKey(kind: ExpiringThing["kind"], id: string, expiresAt: Date): string {
  return `expiry:${kind}:${id}:${expiresAt.toISOString()}`;
}
