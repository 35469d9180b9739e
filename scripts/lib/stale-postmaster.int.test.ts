import { spawnSync } from "node:child_process";
import { chmod, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, expect, it } from "vitest";
import { startEmbeddedPostgres } from "./embedded-postgres";

/** A killed launcher must not keep the next start from getting its database. */
let folder: string;
beforeAll(async () => {
  folder = await mkdtemp(path.join(tmpdir(), "clusterdesk-stale-"));
  // Reachable for the postgres account PostgreSQL runs as when the tests run as root.
  await chmod(folder, 0o755);
});
afterAll(() => rm(folder, { recursive: true, force: true }));

const dataDir = () => path.join(folder, "postgres");
const serverPid = async () => Number((await readFile(path.join(dataDir(), "postmaster.pid"), "utf8")).split("\n")[0]);
const isAlive = (pid: number) => spawnSync("kill", ["-0", String(pid)]).status === 0;

async function rowsIn(url: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<{ count: string }>("SELECT count(*) FROM kept")).rows[0]?.count === "1" ? 1 : 0;
  } finally {
    await client.end();
  }
}

it("keeps data between runs and stops the orphan of a run that was killed", async () => {
  const first = await startEmbeddedPostgres({ dataDir: dataDir() });
  const client = new pg.Client({ connectionString: first.url });
  await client.connect();
  await client.query("CREATE TABLE kept (id int); INSERT INTO kept VALUES (1)");
  await client.end();
  const orphan = await serverPid();
  // No stop(): as if the launcher had been killed with SIGKILL, leaving its PostgreSQL running.

  const second = await startEmbeddedPostgres({ dataDir: dataDir() });
  try {
    expect(isAlive(orphan)).toBe(false);
    expect(await rowsIn(second.url)).toBe(1);
  } finally {
    await second.stop();
  }
});

it("starts over a postmaster.pid whose process id now belongs to another process", async () => {
  const lockFile = path.join(dataDir(), "postmaster.pid");
  const lines = ["1", dataDir(), "0", "0", "", "", "0 0", "ready"];
  await writeFile(lockFile, `${lines.join("\n")}\n`);
  const server = await startEmbeddedPostgres({ dataDir: dataDir() });
  try {
    expect(await rowsIn(server.url)).toBe(1);
  } finally {
    await server.stop();
  }
});
