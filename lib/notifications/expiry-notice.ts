/**
 * The notice a requester gets a day before what their request gave them (an IP range, an access
 * grant) is removed automatically. Pure, like compose.ts.
 */
export type ExpiringThing =
  | { kind: "ip-range"; range: string; clusterName: string; requestNumber: number }
  | { kind: "access-grant"; role: string; principalName: string; scope: string; clusterName: string; requestNumber: number };

export const upcomingExpiryWindowMs = 24 * 60 * 60 * 1000;

function inWords(ms: number): string {
  const hours = Math.max(1, Math.round(ms / 3_600_000));
  return hours >= 24 ? "about a day" : `${hours} hour${hours === 1 ? "" : "s"}`;
}

export function composeExpiryNotice(thing: ExpiringThing, expiresAt: Date, now: Date): { subject: string; body: string; link: string } {
  const left = inWords(expiresAt.getTime() - now.getTime());
  const at = `${expiresAt.toISOString().slice(0, 16).replace("T", " ")} UTC`;
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

/** One notice per thing and expiry time: an extended grant (a new expiry) gets a notice again. */
export function expiryNoticeKey(kind: ExpiringThing["kind"], id: string, expiresAt: Date): string {
  return `expiry:${kind}:${id}:${expiresAt.toISOString()}`;
}
