import { randomBytes } from "node:crypto";
import pg from "pg";
import { startEmbeddedPostgres } from "./embedded-postgres";

/**
 * A throw-away database for one test run: a fresh database on the PostgreSQL server named by
 * TEST_DATABASE_URL (CI points it at the machine's server), or else an embedded PostgreSQL server of
 * its own with its data in a temporary folder (no PostgreSQL installation needed).
 */
export type TestDatabase = { url: string; kind: "postgres" | "embedded"; drop: () => Promise<void> };

const loopbackHosts = new Set(["127.0.0.1", "localhost", "::1", "[::1]"]);

export async function createTestDatabase(serverUrl: string | undefined, label = "test"): Promise<TestDatabase> {
  if (!serverUrl) {
    const embedded = await startEmbeddedPostgres();
    return { url: embedded.url, kind: "embedded", drop: embedded.stop };
  }
  const server = new URL(serverUrl);
  // Tests create and drop databases: never let a misconfigured variable point them at a shared server.
  if (!loopbackHosts.has(server.hostname)) {
    throw new Error(`TEST_DATABASE_URL must point at a local PostgreSQL server, not ${server.hostname}`);
  }
  const name = `clusterdesk_${label}_${Date.now()}_${randomBytes(3).toString("hex")}`;
  await withClient(serverUrl, (client) => client.query(`CREATE DATABASE "${name}"`));
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    kind: "postgres",
    drop: () => withClient(serverUrl, (client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)).then(() => undefined),
  };
}

async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}
