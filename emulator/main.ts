/**
 * `npm run emulator`: the local Entra ID, ARM and Graph (and, once mounted, the Kubernetes API servers)
 * on one HTTPS port. Prints the endpoints and demo users and writes `<dataDir>/emulator/endpoints.json`.
 */
import { writeFile } from "node:fs/promises";
import path from "node:path";
import { emulatorProcessConfig } from "./config";
import { startEmulator } from "./index";
import { demoPassword } from "./seed/organisation";

async function main(): Promise<void> {
  const config = emulatorProcessConfig();
  const emulator = await startEmulator({ port: config.port, dataDir: config.dataDir, lroDurationMs: config.lroDurationMs });
  const file = await writeEndpointsFile(emulator, config.dataDir);
  printBanner(emulator, file);
  const stop = () => void emulator.stop().then(() => process.exit(0));
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}

export async function writeEndpointsFile(emulator: Awaited<ReturnType<typeof startEmulator>>, dataDir: string): Promise<string> {
  const file = path.resolve(dataDir, "emulator", "endpoints.json");
  const users = emulator.state().users.map((user) => ({ userPrincipalName: user.userPrincipalName, displayName: user.displayName, jobTitle: user.jobTitle, objectId: user.id }));
  await writeFile(file, `${JSON.stringify({ ...emulator.endpoints, demoPassword, users }, null, 2)}\n`);
  return file;
}

export function printBanner(emulator: Awaited<ReturnType<typeof startEmulator>>, endpointsFile: string): void {
  const e = emulator.endpoints;
  const lines = [
    `[emulator] listening on ${e.url} (trust ${e.caCertPath} via NODE_EXTRA_CA_CERTS)`,
    `[emulator]   Entra ID authority  ${e.authority}`,
    `[emulator]   ARM                 ${e.resourceManager}/subscriptions`,
    `[emulator]   Microsoft Graph     ${e.graph}/v1.0`,
    `[emulator]   Kubernetes          ${e.kubernetes}/{subscriptionId}/{resourceGroup}/{cluster}`,
    `[emulator]   control API         ${e.control}`,
    `[emulator]   endpoints file      ${endpointsFile}`,
    `[emulator] demo users (password ${demoPassword}):`,
    ...emulator.state().users.map((user) => `[emulator]   ${user.userPrincipalName.padEnd(52)} ${user.jobTitle}${user.accountEnabled ? "" : " (disabled)"}`),
  ];
  console.log(lines.join("\n"));
}

if (import.meta.url === `file://${process.argv[1] ?? ""}`) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
