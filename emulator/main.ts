/**
 * `npm run emulator`: the local Entra ID, ARM and Graph (and, once mounted, the Kubernetes API servers)
 * on one HTTPS port. Prints the endpoints and demo users and writes `<dataDir>/emulator/endpoints.json`.
 */
import { banner, writeEndpointsFile } from "./banner";
import { emulatorProcessConfig } from "./config";
import { startEmulator } from "./index";

async function main(): Promise<void> {
  const config = emulatorProcessConfig();
  const emulator = await startEmulator({ port: config.port, dataDir: config.dataDir, lroDurationMs: config.lroDurationMs, roleAssignmentPropagationMs: config.roleAssignmentPropagationMs });
  console.log(banner(emulator, await writeEndpointsFile(emulator, config.dataDir)));
  const stop = () => void emulator.stop().then(() => process.exit(0));
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
