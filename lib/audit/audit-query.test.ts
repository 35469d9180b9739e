import { expect, it } from "vitest";
import { auditQueryParams, auditTimeRange, parseAuditQuery } from "./audit-query";

it("reads filters and the page cursor", () => {
  expect(parseAuditQuery({ action: "request.approved", outcome: "denied", correlation: "abc-123", before: "42" })).toEqual({
    action: "request.approved",
    outcome: "denied",
    correlation: "abc-123",
    before: 42n,
    from: undefined,
    to: undefined,
    tenant: undefined,
  });
});

it("ignores malformed values instead of failing", () => {
  expect(parseAuditQuery({ action: "DROP TABLE", outcome: "maybe", correlation: "<script>", before: "-1", from: "yesterday", tenant: "payments" })).toEqual({
    action: undefined,
    outcome: undefined,
    correlation: undefined,
    before: undefined,
    from: undefined,
    to: undefined,
    tenant: undefined,
  });
  expect(parseAuditQuery({ action: ["auth.sign_in", "x"] })).toMatchObject({ action: "auth.sign_in" });
});

it("turns a day range into instants, the end day included", () => {
  expect(auditTimeRange({ from: "2026-11-01", to: "2026-11-26" })).toEqual({
    from: new Date("2026-11-01T00:00:00.000Z"),
    to: new Date("2026-11-27T00:00:00.000Z"),
  });
  expect(auditTimeRange({})).toEqual({ from: undefined, to: undefined });
});

it("keeps the filters, not the cursor, in links", () => {
  expect(auditQueryParams(parseAuditQuery({ action: "auth.sign_in", from: "2026-11-01", before: "9" })).toString()).toBe("action=auth.sign_in&from=2026-11-01");
});
