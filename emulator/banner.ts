import { writeFile } from "node:fs/promises";
import path from "node:path";
import type { Emulator } from "./index";
import { demoPassword } from "./seed/organisation";

/** What `npm run emulator` and the launcher tell people and scripts about a running emulator. */
export async function writeEndpointsFile(emulator: Emulator, dataDir: string): Promise<string> {
  const file = path.resolve(dataDir, "emulator", "endpoints.json");
  const users = emulator.state().users.map((user) => ({ userPrincipalName: user.userPrincipalName, displayName: user.displayName, jobTitle: user.jobTitle, objectId: user.id, enabled: user.accountEnabled }));
  await writeFile(file, `${JSON.stringify({ ...emulator.endpoints, signInPages: emulator.browserUrl, demoPassword, users }, null, 2)}\n`);
  return file;
}

export function banner(emulator: Emulator, endpointsFile: string): string {
  const e = emulator.endpoints;
  return [
    `[emulator] listening on ${e.url} (clients trust ${e.caCertPath} via NODE_EXTRA_CA_CERTS)`,
    `[emulator]   Entra ID authority  ${e.authority}`,
    `[emulator]   sign-in pages       ${emulator.browserUrl}/${e.tenantId}/oauth2/v2.0/authorize (plain HTTP, for browsers)`,
    `[emulator]   ARM                 ${e.resourceManager}/subscriptions`,
    `[emulator]   Microsoft Graph     ${e.graph}/v1.0`,
    `[emulator]   Kubernetes          ${e.kubernetes}/{subscriptionId}/{resourceGroup}/{cluster}`,
    `[emulator]   control API         ${e.control}`,
    `[emulator]   endpoints file      ${endpointsFile}`,
    `[emulator] demo users (password ${demoPassword}):`,
    ...emulator.state().users.map((user) => `[emulator]   ${user.userPrincipalName.padEnd(52)} ${user.jobTitle}${user.accountEnabled ? "" : " (disabled)"}`),
  ].join("\n");
}
