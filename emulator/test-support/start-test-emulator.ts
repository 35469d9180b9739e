import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import tls from "node:tls";
import { startEmulator, type Emulator, type EmulatorOptions } from "../index";

/**
 * For tests that run the emulator in their own process. NODE_EXTRA_CA_CERTS is read only at process
 * start, so instead the emulator's CA is added to Node's default trust store at run time
 * (tls.setDefaultCACertificates, Node ≥ 22.19 / 24.5): node:https (core-rest-pipeline, MSAL) and
 * undici's fetch (Graph client) then verify the emulator's certificate like any other.
 */
export function trustCertificateAuthority(caPem: string): void {
  const current = tls.getCACertificates("default");
  if (!current.includes(caPem)) tls.setDefaultCACertificates([...current, caPem]);
}

export type TestEmulator = Emulator & { dataDir: string; dispose(): Promise<void> };

/** Starts an emulator on a free port with a throw-away data folder and trusts its CA in this process. */
export async function startTestEmulator(options: Omit<EmulatorOptions, "dataDir" | "port"> = {}): Promise<TestEmulator> {
  const dataDir = await mkdtemp(path.join(tmpdir(), "clusterdesk-emulator-"));
  const emulator = await startEmulator({ lroDurationMs: 30, ...options, dataDir, port: 0 });
  trustCertificateAuthority(emulator.caPem);
  return {
    ...emulator,
    dataDir,
    async dispose() {
      await emulator.stop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
