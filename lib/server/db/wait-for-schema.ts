import "server-only";
import { setTimeout as sleep } from "node:timers/promises";
import { pendingMigrations } from "./migrations";

/**
 * A process that does not migrate (the worker) may start before, or while, whoever migrates does:
 * deploy/kubernetes starts the worker beside the migration Job, and portal instances migrate as they
 * start. Querying a table that does not exist yet crashed the worker, so it waits until no migration
 * is pending, saying so once, and gives up after `timeoutMs` naming what is still pending.
 */
export async function waitForSchema(databaseUrl: string, options: { timeoutMs: number; intervalMs?: number; log: (message: string) => void }): Promise<void> {
  const deadline = Date.now() + options.timeoutMs;
  let announced = false;
  for (;;) {
    const pending = await pendingMigrations(databaseUrl);
    if (pending.length === 0) return;
    if (Date.now() > deadline) {
      throw new Error(`${pending.length} database migration(s) still pending after ${Math.round(options.timeoutMs / 1000)} s (${pending.join(", ")}): run the migration step (npm run db:migrate, or the clusterdesk-migrate Job)`);
    }
    if (!announced) {
      options.log(`waiting for ${pending.length} database migration(s) to be applied by the migration step or a starting portal instance`);
      announced = true;
    }
    await sleep(options.intervalMs ?? 1000);
  }
}
