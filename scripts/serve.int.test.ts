import { execFile, spawn } from "node:child_process";
import { chmod, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { childEnvironment, createIsolatedDatabase } from "@/test/support";
import { freePort } from "./lib/free-port";

const launcher = ["--conditions=react-server", "--import", "tsx", "scripts/serve.ts"];
const completeAzure = {
  AZURE_TENANT_ID: "11111111-2222-4333-8444-555555555555",
  AZURE_CLIENT_ID: "66666666-7777-4888-8999-000000000000",
  AZURE_CLIENT_SECRET: "s3cret",
  AZURE_SUBSCRIPTION_IDS: "aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee",
  CLUSTERDESK_ADMIN_GROUP_IDS: "12121212-3434-4565-8787-909090909090",
  DATABASE_URL: "postgresql://portal@127.0.0.1:1/clusterdesk",
};

/** Start-up must refuse a bad configuration before touching anything, naming the variable. */
async function startWith(overrides: Record<string, string | undefined>, args: string[] = []) {
  try {
    await promisify(execFile)("node", [...launcher, "--port", "0", ...args], { env: childEnvironment(overrides), timeout: 30_000 });
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
    expect(result.stderr).toContain(
      "AZURE_TENANT_ID set but AZURE_CLIENT_ID, AZURE_SUBSCRIPTION_IDS, CLUSTERDESK_ADMIN_GROUP_IDS, one of AZURE_CLIENT_SECRET, AZURE_FEDERATED_TOKEN_FILE (workload identity) or AZURE_CLIENT_CERTIFICATE_PATH missing",
    );
  });

  it("refuses a production start without Azure settings unless local mode is asked for", async () => {
    const result = await startWith({ DATABASE_URL: "postgresql://nobody@127.0.0.1:1/none", CLUSTERDESK_MODE: undefined }, ["--production"]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("No Azure settings for a production start");
  });

  it("refuses a real tenant without an https base URL", async () => {
    const result = await startWith({ ...completeAzure, CLUSTERDESK_BASE_URL: "http://clusterdesk.contoso.com" }, ["--production"]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("CLUSTERDESK_BASE_URL must be the portal's public https:// URL");
  });
});

describe("a local start with DATABASE_URL", () => {
  const folders: string[] = [];
  afterAll(async () => {
    for (const folder of folders) await rm(folder, { recursive: true, force: true });
  });

  it("migrates that database but seeds no demo tenants into it, and stops cleanly on SIGTERM", { timeout: 120_000 }, async () => {
    const database = await createIsolatedDatabase("serve");
    const dataDir = await mkdtemp(path.join(tmpdir(), "clusterdesk-serve-"));
    folders.push(dataDir);
    await chmod(dataDir, 0o755);
    try {
      const server = spawn("node", [...launcher, "--port", String(await freePort())], {
        env: childEnvironment({ DATABASE_URL: database.url, CLUSTERDESK_DATA_DIR: dataDir, CLUSTERDESK_EMULATOR_URL: `https://localhost:${await freePort()}`, CLUSTERDESK_MODE: undefined }),
        stdio: ["ignore", "pipe", "pipe"],
      });
      let output = "";
      const started = new Promise<void>((resolve, reject) => {
        server.stdout.on("data", (chunk: Buffer) => {
          output += chunk.toString();
          // Stop as soon as Next.js is spawned: what matters happened before it.
          if (output.includes("portal on http://localhost")) resolve();
        });
        server.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
        server.on("exit", () => reject(new Error(`the launcher ended early:\n${output}`)));
      });
      await started;
      server.kill("SIGTERM");
      const code = await new Promise<number | null>((resolve) => (server.exitCode !== null ? resolve(server.exitCode) : server.on("exit", resolve)));
      expect(code).toBe(0);

      const client = new pg.Client({ connectionString: database.url });
      await client.connect();
      try {
        const tenants = await client.query<{ count: string }>("SELECT count(*) FROM tenant");
        expect(tenants.rows[0]?.count).toBe("0");
        expect((await client.query('SELECT 1 FROM "_prisma_migrations" LIMIT 1')).rowCount).toBe(1);
      } finally {
        await client.end();
      }
      expect(output).toContain("demo tenants are not seeded");
    } finally {
      await database.drop();
    }
  });
});
