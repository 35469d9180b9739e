import { afterAll, beforeAll, beforeEach } from "vitest";
import { startTestEmulator, type TestEmulator } from "@/emulator/test-support/start-test-emulator";
import { localDemoOrganisation } from "@/lib/config/local-mode";
import { stopJobQueue } from "@/lib/server/jobs/queue";
import { useEmulator } from "@/test/support";

/** The demo organisation's platform-admin group, whose members approve. */
export const [adminGroupId = ""] = localDemoOrganisation.adminGroupIds;

/** A delivery or fan-out attempt as the queue passes it (`retryCount` of `retryLimit` used). */
export const attempt = (retryCount = 0) => ({ retryCount, retryLimit: 3 });

/**
 * The notification tests' set-up: an emulator (Graph for mail and the directory) the portal's
 * clients point at, reset before each test; the job queue stopped at the end.
 */
export function notificationSuite(): { readonly emulator: TestEmulator } {
  const suite = {} as { emulator: TestEmulator };
  beforeAll(async () => {
    suite.emulator = await startTestEmulator();
    useEmulator(suite.emulator.url);
  });
  afterAll(async () => {
    await stopJobQueue();
    await suite.emulator.dispose();
  });
  beforeEach(() => suite.emulator.reset());
  return suite;
}
