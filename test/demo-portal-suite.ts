import { afterAll, beforeAll } from "vitest";
import { startTestEmulator, type TestEmulator } from "@/emulator/test-support/start-test-emulator";
import { stopJobQueue } from "@/lib/server/jobs/queue";
import { prepareDemoPortal, type SessionPersona } from "./persona-sessions";
import { useEmulator } from "./support";

/** What an action test file shares: the emulator its SDKs talk to and the demo tenants' ids. */
export type DemoPortal = { emulator: TestEmulator; tenants: { payments: string; search: string } };

/**
 * For a server-action test file: starts an emulator (once, with these options), points the app at it
 * and prepares the demo portal before the file's tests; stops the queue and the emulator after them.
 * The returned object is filled in by then.
 */
export function demoPortalSuite(personas: readonly SessionPersona[], emulatorOptions: Parameters<typeof startTestEmulator>[0] = {}): DemoPortal {
  const portal = {} as DemoPortal;
  beforeAll(async () => {
    portal.emulator = await startTestEmulator(emulatorOptions);
    useEmulator(portal.emulator.url);
    portal.tenants = await prepareDemoPortal(personas);
  });
  afterAll(async () => {
    await stopJobQueue();
    await portal.emulator.dispose();
  });
  return portal;
}
