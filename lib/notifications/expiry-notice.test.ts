import { describe, expect, it } from "vitest";
import { composeExpiryNotice, composeGranteeExpiryNotice, expiryNoticeKey } from "./expiry-notice";

const now = new Date("2026-11-30T08:00:00Z");

describe("composeExpiryNotice", () => {
  it("tells when an IP range goes and how to keep it", () => {
    const notice = composeExpiryNotice({ kind: "ip-range", range: "198.51.100.7/32", clusterName: "aks-shared-dev", requestNumber: 12 }, new Date("2026-11-30T14:00:00Z"), now);
    expect(notice.subject).toBe("[Clusterdesk] 198.51.100.7/32 on aks-shared-dev expires in 6 hours");
    expect(notice.body).toContain("removed automatically at 2026-11-30 14:00 UTC");
    expect(notice.link).toBe("/requests/12");
  });

  it("tells when access goes and how to extend it", () => {
    const notice = composeExpiryNotice(
      { kind: "access-grant", role: "writer", principalName: "Liam O'Brien", scope: "namespace payments-dev", clusterName: "aks-shared-dev", requestNumber: 3 },
      new Date("2026-12-01T08:00:00Z"),
      now,
    );
    expect(notice.subject).toBe("[Clusterdesk] Liam O'Brien's writer access on aks-shared-dev expires in about a day");
    expect(notice.body).toContain("extend it from the cluster's Access tab");
    expect(composeExpiryNotice({ kind: "ip-range", range: "r", clusterName: "c", requestNumber: 1 }, new Date(now.getTime() + 60_000), now).subject).toContain("in 1 hour");
  });

  it("tells the person who holds the access, in their words, whom to ask for more time", () => {
    const notice = composeGranteeExpiryNotice(
      { kind: "access-grant", role: "writer", principalName: "Liam O'Brien", scope: "namespace payments-dev", clusterName: "aks-shared-dev", requestNumber: 3 },
      "Priya Patel",
      new Date("2026-11-30T14:00:00Z"),
      now,
    );
    expect(notice.subject).toBe("[Clusterdesk] Your writer access on aks-shared-dev expires in 6 hours");
    expect(notice.body).toContain("Your writer access (namespace payments-dev) on aks-shared-dev, which Priya Patel asked for in request #3, is revoked automatically at 2026-11-30 14:00 UTC.");
    expect(notice.body).toContain("ask Priya Patel or a platform admin to extend it");
    // Members may not open other people's requests: no link they would be refused.
    expect(notice.link).toBeNull();
  });

  it("keys a notice by the thing and its expiry, so a new expiry gets a new notice", () => {
    const at = new Date("2026-12-01T08:00:00Z");
    expect(expiryNoticeKey("ip-range", "a", at)).toBe("expiry:ip-range:a:2026-12-01T08:00:00.000Z");
    expect(expiryNoticeKey("ip-range", "a", at)).not.toBe(expiryNoticeKey("ip-range", "a", new Date("2026-12-02T08:00:00Z")));
  });
});
