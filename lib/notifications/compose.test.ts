import { describe, expect, it } from "vitest";
import { composeApprovalDigest, composeRequestNotifications, type RequestFacts } from "./compose";

const request: RequestFacts = {
  number: 42,
  kind: "authorized-ip-ranges",
  clusterName: "aks-shared-dev",
  tenantName: "Payments",
  requesterId: "lead-1",
  requesterName: "Priya Patel",
  justification: "CI agents need the API server",
};

describe("composeRequestNotifications", () => {
  it("tells the approvers about a new request, never its author, with a link to it", () => {
    const [draft, ...rest] = composeRequestNotifications(request, { type: "created", directChange: false });
    expect(rest).toEqual([]);
    expect(draft).toMatchObject({ audience: "approvers", category: "approvals", link: "/requests/42", excludeIds: ["lead-1"] });
    expect(draft?.subject).toBe("[Clusterdesk] Request #42 awaits your decision: API server IP ranges (tenant Payments, cluster aks-shared-dev)");
    expect(draft?.body).toContain("Priya Patel asks for");
    expect(draft?.body).toContain("CI agents need the API server");
  });

  it("tells nobody about an admin's direct change being created or approved by its author", () => {
    expect(composeRequestNotifications(request, { type: "created", directChange: true })).toEqual([]);
    expect(composeRequestNotifications(request, { type: "approved", byId: "lead-1", byName: "Priya Patel", comment: "direct" })).toEqual([]);
  });

  it("tells the requester about a decision, with the approver's comment", () => {
    const [approved] = composeRequestNotifications(request, { type: "approved", byId: "admin-1", byName: "Alex Admin", comment: "Fine for CI" });
    expect(approved).toMatchObject({ audience: "requester", category: "requestUpdates", subject: "[Clusterdesk] Request #42 was approved" });
    expect(approved?.body).toContain("Alex Admin approved your request");
    expect(approved?.body).toContain("Comment: Fine for CI");
    const [rejected] = composeRequestNotifications(request, { type: "rejected", byId: "admin-1", byName: "Alex Admin", comment: "Too wide" });
    expect(rejected?.subject).toBe("[Clusterdesk] Request #42 was rejected");
    expect(rejected?.body).not.toContain("applying it now");
  });

  it("tells the requester and the tenant's owners (but not the requester twice) when it is applied", () => {
    const drafts = composeRequestNotifications(request, { type: "applied", summary: "added 203.0.113.7/32" });
    expect(drafts.map((draft) => [draft.audience, draft.category, draft.excludeIds])).toEqual([
      ["requester", "requestUpdates", []],
      ["tenantOwners", "tenantChanges", ["lead-1"]],
    ]);
    expect(drafts[1]?.subject).toBe("[Clusterdesk] Request #42 changed tenant Payments");
    expect(composeRequestNotifications({ ...request, tenantName: null }, { type: "applied", summary: null })).toHaveLength(1);
  });

  it("tells the requester about a failure with the error, and about expiry", () => {
    const [failed] = composeRequestNotifications(request, { type: "failed", error: "AKS answered 409" });
    expect(failed?.body).toContain("Error: AKS answered 409");
    const [expired] = composeRequestNotifications(request, { type: "expired" });
    expect(expired?.subject).toBe("[Clusterdesk] Request #42 expired");
  });

  it("shortens a long justification", () => {
    const [draft] = composeRequestNotifications({ ...request, justification: "x".repeat(1000) }, { type: "created", directChange: false });
    expect(draft?.body.length).toBeLessThan(600);
  });
});

describe("composeApprovalDigest", () => {
  it("lists every held request in one message", () => {
    const digest = composeApprovalDigest(
      [
        { subject: "[Clusterdesk] Request #1 awaits your decision: A", link: "/requests/1", createdAt: new Date() },
        { subject: "[Clusterdesk] Request #2 awaits your decision: B", link: "/requests/2", createdAt: new Date() },
      ],
      new Date("2026-11-30T07:00:00Z"),
    );
    expect(digest.subject).toBe("[Clusterdesk] 2 requests awaiting approval (2026-11-30)");
    expect(digest.body).toContain("- Request #1 awaits your decision: A (/requests/1)");
    expect(digest.body).toContain("- Request #2 awaits your decision: B (/requests/2)");
  });
});
