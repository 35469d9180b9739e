import { once } from "node:events";
import { expect, it } from "vitest";
import { db } from "@/lib/server/db/client";
import { applyRangeDirectly, requestOutcome, successfulClusterPuts, withWorkerProcesses, waitFor } from "./worker-process.test-helper";

/**
 * A rolling update sends SIGTERM while a change is waiting on Azure. The instance must stop
 * promptly (not sit out Azure's operation or the queue's stop timeout), leave the request
 * resumable rather than failed, and the next instance must finish it with no second write.
 */
// Long enough that Azure's operation is still running when the signal arrives.
const { emulator, startWorker } = withWorkerProcesses(15_000);

it("stops on SIGTERM without waiting out Azure's operation, and the next worker applies the change once", { timeout: 150_000 }, async () => {
  const request = await applyRangeDirectly("203.0.113.78");

  const first = startWorker();
  await waitFor("the PUT to be accepted", async () => (successfulClusterPuts(emulator(), "aks-shared-dev").length > 0 ? true : undefined), 60_000);
  const signalledAt = Date.now();
  first.kill("SIGTERM");
  const [exitCode] = (await once(first, "exit")) as [number | null];
  const stoppedInMs = Date.now() - signalledAt;

  expect(exitCode).toBe(0);
  // Azure's operation had ~15 s to go and the queue's stop timeout is 20 s: only aborting the
  // waits lets the process end well within either.
  expect(stoppedInMs).toBeLessThan(8_000);
  const interrupted = await db().changeRequest.findUniqueOrThrow({ where: { id: request.id } });
  expect(interrupted.status).toBe("applying");

  startWorker();
  const finished = await requestOutcome(request.id, 120_000);
  expect(finished.status).toBe("applied");
  expect(successfulClusterPuts(emulator(), "aks-shared-dev")).toHaveLength(1);
});
