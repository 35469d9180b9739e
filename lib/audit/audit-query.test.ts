import { expect, it } from "vitest";
import { parseAuditQuery } from "./audit-query";

it("reads filters and the page cursor", () => {
  expect(parseAuditQuery({ action: "request.approved", outcome: "denied", correlation: "abc-123", before: "42" })).toEqual({
    action: "request.approved",
    outcome: "denied",
    correlation: "abc-123",
    before: 42n,
  });
});

it("ignores malformed values instead of failing", () => {
  expect(parseAuditQuery({ action: "DROP TABLE", outcome: "maybe", correlation: "<script>", before: "-1" })).toEqual({
    action: undefined,
    outcome: undefined,
    correlation: undefined,
    before: undefined,
  });
  expect(parseAuditQuery({ action: ["auth.sign_in", "x"] })).toMatchObject({ action: "auth.sign_in" });
});
