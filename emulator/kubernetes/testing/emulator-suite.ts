import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, beforeEach } from "vitest";
import { startEmulator, type Emulator } from "../../index";
import { createKubernetesSide } from "../kubernetes-side";

/**
 * The whole emulator with its Kubernetes side for one test file (Entra tokens, ARM's
 * listClusterUserCredential kubeconfig, seeded role assignments), reset before each test.
 */
export function emulatorForSuite(): () => Emulator {
  let emulator: Emulator | undefined;
  let dataDir = "";
  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), "clusterdesk-emulator-"));
    emulator = await startEmulator({ port: 0, dataDir, kubernetes: createKubernetesSide });
  });
  afterAll(async () => {
    await emulator?.stop();
    await rm(dataDir, { recursive: true, force: true });
  });
  beforeEach(() => emulator?.reset());
  return () => {
    if (!emulator) throw new Error("the emulator starts in beforeAll");
    return emulator;
  };
}
