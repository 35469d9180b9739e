import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { childEnvironment } from "@/test/support";

/** Start-up must refuse a bad configuration before touching anything, naming the variable. */
async function startWith(overrides: Record<string, string | undefined>) {
  try {
    await promisify(execFile)("node", ["--conditions=react-server", "--import", "tsx", "scripts/serve.ts", "--port", "0"], {
      env: childEnvironment(overrides),
      timeout: 30_000,
    });
    return { code: 0, stderr: "" };
  } catch (error) {
    const failure = error as { code?: number; stderr?: string };
    return { code: failure.code ?? -1, stderr: failure.stderr ?? "" };
  }
}

describe("scripts/serve.ts", () => {
  it("exits non-zero naming a malformed DATABASE_URL", async () => {
    const result = await startWith({ DATABASE_URL: "mysql://localhost/clusterdesk" });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("DATABASE_URL must be a postgres:// or postgresql:// URL");
  });

  it("exits non-zero naming what a half-set Azure configuration lacks", async () => {
    const result = await startWith({ DATABASE_URL: undefined, AZURE_TENANT_ID: "11111111-2222-4333-8444-555555555555" });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/AZURE_TENANT_ID set but AZURE_CLIENT_ID, AZURE_CLIENT_SECRET, AZURE_SUBSCRIPTION_IDS, CLUSTERDESK_ADMIN_GROUP_IDS missing/);
  });
});
