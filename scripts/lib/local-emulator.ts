import { existsSync } from "node:fs";
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import type { Settings } from "../../lib/config/settings";

/**
 * Local mode's Azure: the emulator, in the launcher's process, before Next.js starts. Next gets the
 * emulator's URL and trusts its CA through NODE_EXTRA_CA_CERTS (read at process start, so it must be
 * in the child's environment). Imported lazily so a real-Azure start never loads the emulator.
 */
export type LocalEmulator = { url: string; browserUrl: string; caBundlePath: string; stop(): Promise<void> };

export async function startLocalEmulator(settings: Settings, options: { freePort: boolean; existingExtraCaCerts?: string }): Promise<LocalEmulator> {
  const { startEmulator } = await import("../../emulator/index");
  const { banner, writeEndpointsFile } = await import("../../emulator/banner");
  const configured = new URL(settings.endpoints.authorityHost);
  const emulator = await startEmulator({ port: options.freePort ? 0 : Number(configured.port || "443"), dataDir: settings.dataDir });
  console.log(banner(emulator, await writeEndpointsFile(emulator, settings.dataDir)));
  return { url: emulator.url, browserUrl: emulator.browserUrl, caBundlePath: await caBundle(emulator.caCertPath, options.existingExtraCaCerts), stop: emulator.stop };
}

/** NODE_EXTRA_CA_CERTS names one file: keep a CA the user already trusts by bundling it with ours. */
async function caBundle(caCertPath: string, existing: string | undefined): Promise<string> {
  if (!existing || !existsSync(existing) || path.resolve(existing) === caCertPath) return caCertPath;
  const bundle = path.join(path.dirname(caCertPath), "ca-bundle.pem");
  await writeFile(bundle, `${await readFile(existing, "utf8")}\n${await readFile(caCertPath, "utf8")}`);
  return bundle;
}
