import "server-only";
import { logger } from "@/lib/server/logger";
import { stopJobQueue } from "./queue";

/**
 * Stopping this process's job workers on SIGTERM/SIGINT (a rolling update, Ctrl-C, the launcher).
 *
 * pg-boss's graceful stop waits for running handlers and aborts their `job.signal` only when its
 * timeout runs out, so a handler waiting on Azure (a long-running PUT, a busy cluster) would hold
 * the shutdown for the whole timeout. Instead every handler also listens to this process-wide
 * signal, aborted first: waits end at once, the interrupted job stays resumable (a change request
 * stays `applying`; its executor converges when the job runs again), and then the queue stops.
 */
const holder = globalThis as unknown as { clusterdeskShutdown?: { controller: AbortController; installed: boolean } };

function state() {
  holder.clusterdeskShutdown ??= { controller: new AbortController(), installed: false };
  return holder.clusterdeskShutdown;
}

/** Aborted when this process starts shutting down. */
export function shutdownSignal(): AbortSignal {
  return state().controller.signal;
}

/** A job's own signal (its claim lost, pg-boss's timeout) combined with this process's shutdown. */
export function jobSignal(signal: AbortSignal): AbortSignal {
  return AbortSignal.any([signal, shutdownSignal()]);
}

export class ShutdownError extends Error {
  constructor() {
    super("This Clusterdesk instance is shutting down; the work will resume on the next one.");
    this.name = "ShutdownError";
  }
}

/**
 * Installs the handlers once per process. `exitWhenDone`: whether this process owns the exit (the
 * worker process, or the web server when Next.js's own signal handling is turned off with
 * NEXT_MANUAL_SIG_HANDLE); otherwise Next.js closes its server and exits on its own.
 */
export function stopWorkersOnSignals(options: { exitWhenDone: boolean }): void {
  const current = state();
  if (current.installed) return;
  current.installed = true;
  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    logger.info("shutting down: stopping job workers", { signal });
    current.controller.abort(new ShutdownError());
    void stopJobQueue()
      .catch((error: unknown) => logger.error("job queue did not stop cleanly", { error }))
      .finally(() => {
        logger.info("job workers stopped", { signal });
        if (options.exitWhenDone) process.exit(0);
      });
  };
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
}
