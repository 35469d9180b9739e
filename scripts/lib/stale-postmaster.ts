import { readFile, readlink, realpath, rm } from "node:fs/promises";
import path from "node:path";

/**
 * Makes way for a new server in `dataDir` after an unclean end: a launcher killed with SIGKILL
 * leaves its PostgreSQL running (an orphan holding the data folder) or leaves a postmaster.pid whose
 * process id another process may since have taken, and PostgreSQL then refuses to start.
 */
export async function stopStalePostmaster(dataDir: string): Promise<void> {
  const lockFile = path.join(dataDir, "postmaster.pid");
  const pid = Number((await readFile(lockFile, "utf8").catch(() => "")).split("\n")[0]);
  if (!Number.isInteger(pid) || pid <= 0) return;
  if (!isAlive(pid)) return; // PostgreSQL clears a lock file whose process is gone by itself.
  const serverCwd = await readlink(`/proc/${pid}/cwd`).catch(() => undefined);
  if (serverCwd === undefined) return; // no /proc (macOS): leave the decision to PostgreSQL
  if (serverCwd === (await realpath(dataDir))) {
    // PostgreSQL runs in its data folder: this is our orphan. Ask for a fast shutdown and wait.
    process.kill(pid, "SIGINT");
    const deadline = Date.now() + 30_000;
    while (isAlive(pid)) {
      if (Date.now() > deadline) throw new Error(`PostgreSQL (pid ${pid}) from an earlier run does not stop; stop it, then start again`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    return;
  }
  // The process id now belongs to something else: the lock file is stale.
  await rm(lockFile, { force: true });
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}
