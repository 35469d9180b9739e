import { requestKindLabel } from "@/lib/requests/presentation";
import type { NotificationCategory } from "./categories";

/**
 * Who hears what about a change request, and the words they read. Pure: the outbox writer
 * (lib/server/notifications/record.ts) resolves the audiences to people and applies preferences.
 */
export type RequestFacts = {
  number: number;
  kind: string;
  clusterName: string | null;
  tenantName: string | null;
  requesterId: string;
  requesterName: string;
  justification: string;
};

/** What happened to the request: its creation, or a state-machine event that moved it. */
export type RequestHappening =
  | { type: "created"; directChange: boolean }
  | { type: "approved" | "rejected"; byId: string | null; byName: string; comment: string | null }
  | { type: "applied"; summary: string | null }
  | { type: "failed"; error: string }
  | { type: "expired" };

export type Audience = "requester" | "approvers" | "tenantOwners";

export type NotificationDraft = {
  audience: Audience;
  category: NotificationCategory;
  subject: string;
  /** Plain text; the e-mail and the Teams card render it as it is. */
  body: string;
  /** Path in the portal, made absolute with the base URL by the sender. */
  link: string;
  /** People of the audience who must not get this one (they caused it, or get another message). */
  excludeIds: string[];
};

function what(request: RequestFacts): string {
  const where = [request.tenantName ? `tenant ${request.tenantName}` : null, request.clusterName ? `cluster ${request.clusterName}` : null].filter(Boolean);
  return `${requestKindLabel(request.kind)}${where.length > 0 ? ` (${where.join(", ")})` : ""}`;
}

const firstLine = (text: string, max = 300) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

export function composeRequestNotifications(request: RequestFacts, happening: RequestHappening): NotificationDraft[] {
  const link = `/requests/${request.number}`;
  const title = `Request #${request.number}`;
  const subject = (text: string) => `[Clusterdesk] ${title} ${text}`;
  const toRequester = (text: string, body: string): NotificationDraft => ({
    audience: "requester", category: "requestUpdates", subject: subject(text), body, link, excludeIds: [],
  });
  const toOwners = (text: string, body: string): NotificationDraft => ({
    // The requester already hears about their own request.
    audience: "tenantOwners", category: "tenantChanges", subject: subject(text), body, link, excludeIds: [request.requesterId],
  });
  const change = what(request);
  switch (happening.type) {
    case "created":
      // A direct change is approved by its author in the same moment: nobody has to decide.
      if (happening.directChange) return [];
      return [{
        audience: "approvers", category: "approvals", subject: subject(`awaits your decision: ${change}`),
        body: `${request.requesterName} asks for: ${change}.\n\nJustification: ${firstLine(request.justification)}\n\nNobody can approve their own request; any other platform admin can decide.`,
        link, excludeIds: [request.requesterId],
      }];
    case "approved":
    case "rejected": {
      // The author of a direct change decided it themselves: no news for them.
      if (happening.byId === request.requesterId) return [];
      const comment = happening.comment ? `\n\nComment: ${firstLine(happening.comment)}` : "";
      const next = happening.type === "approved" ? "\n\nClusterdesk is applying it now; you will hear when it is done." : "";
      return [toRequester(`was ${happening.type}`, `${happening.byName} ${happening.type} your request: ${change}.${comment}${next}`)];
    }
    case "applied": {
      const summary = happening.summary ? `\n\n${firstLine(happening.summary)}` : "";
      const drafts = [toRequester("was applied", `Your request is now in effect: ${change}.${summary}`)];
      if (request.tenantName) drafts.push(toOwners(`changed tenant ${request.tenantName}`, `${request.requesterName}'s request was applied: ${change}.${summary}`));
      return drafts;
    }
    case "failed":
      return [toRequester("failed", `Your request could not be applied: ${change}.\n\nError: ${firstLine(happening.error)}\n\nA platform admin can retry it from the request's page.`)];
    case "expired":
      return [toRequester("expired", `Nobody decided on your request in time, so it expired: ${change}. Ask again if it is still needed.`)];
  }
}

export type DigestEntry = { subject: string; link: string; createdAt: Date };

/** One daily message instead of one per request, for approvers who chose the digest. */
export function composeApprovalDigest(entries: readonly DigestEntry[], day: Date): { subject: string; body: string; link: string } {
  const date = day.toISOString().slice(0, 10);
  const lines = entries.map((entry) => `- ${entry.subject.replace(/^\[Clusterdesk\] /, "")} (${entry.link})`);
  return {
    subject: `[Clusterdesk] ${entries.length} request${entries.length === 1 ? "" : "s"} awaiting approval (${date})`,
    body: `New requests since the last digest:\n\n${lines.join("\n")}`,
    link: "/requests?view=inbox",
  };
}
