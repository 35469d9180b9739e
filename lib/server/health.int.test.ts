import { expect, it } from "vitest";
import { checkHealth } from "./health";

it("reports a reachable database as healthy", async () => {
  const report = await checkHealth();
  expect(report.status).toBe("ok");
  expect(report.checks.database?.ok).toBe(true);
});
