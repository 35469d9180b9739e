import "server-only";
import type { PgBoss } from "pg-boss";
import { metrics } from "./metrics";

type Handler = (jobs: unknown) => Promise<unknown>;
type Work = (name: string, options: object, handler: Handler) => Promise<string>;

/**
 * Counts each handler's outcome per queue. Workers are registered in many modules (requests, sync,
 * audit, notifications); wrapping `work` where the queue is created counts them all, including any
 * added later, instead of relying on every call site to remember.
 */
export function observeJobOutcomes(boss: PgBoss): void {
  const work = boss.work.bind(boss) as unknown as Work;
  const { jobsFinished } = metrics();
  const observedWork = (name: string, ...rest: [Handler] | [object, Handler]) => {
    const handler = rest.length === 1 ? rest[0] : rest[1];
    const options = rest.length === 1 ? {} : rest[0];
    return work(name, options, async (jobs) => {
      try {
        const result = await handler(jobs);
        jobsFinished.inc({ queue: name, outcome: "completed" });
        return result;
      } catch (error) {
        jobsFinished.inc({ queue: name, outcome: "failed" });
        throw error;
      }
    });
  };
  Object.assign(boss, { work: observedWork });
}
