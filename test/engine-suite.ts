import { afterAll, beforeAll } from "vitest";
import { createKubernetesSide } from "@/emulator/kubernetes";
import { startTestEmulator, type TestEmulator } from "@/emulator/test-support/start-test-emulator";
import { stopJobQueue } from "@/lib/server/jobs/queue";
import { useEmulator } from "./support";

/**
 * For a change-engine test file (executors, effect checks, tenant environments): an emulator with its
 * Kubernetes API servers, started once before the file's tests with the app pointed at it, and the
 * queue and the emulator stopped after them. The returned object is filled in by then.
 */
export function engineSuite(): { emulator: TestEmulator } {
  const suite = {} as { emulator: TestEmulator };
  beforeAll(async () => {
    suite.emulator = await startTestEmulator({ kubernetes: createKubernetesSide });
    useEmulator(suite.emulator.url);
  });
  afterAll(async () => {
    await stopJobQueue();
    await suite.emulator.dispose();
  });
  return suite;
}
