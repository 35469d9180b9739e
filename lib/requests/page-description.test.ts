import { expect, it } from "vitest";
import { requestsPageDescription } from "./page-description";

it("speaks to each persona: admins decide, auditors read every request, leads follow their teams'", () => {
  expect(requestsPageDescription(["admin"])).toMatch(/decide on pending ones/);
  const auditor = requestsPageDescription(["auditor"]);
  expect(auditor).not.toMatch(/you and your teams/i);
  expect(auditor).toMatch(/read-only/);
  expect(requestsPageDescription([])).toBe("Changes you and your teams asked for, and where they stand.");
});
