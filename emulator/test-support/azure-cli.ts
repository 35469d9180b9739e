import { execFile } from "node:child_process";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { childEnvironment } from "../../test/support";
import type { Emulator } from "../index";
import { managedIdentityPath } from "../entra/managed-identity";

/**
 * The machine's Azure CLI against an emulator: its own config folder, the emulator's CA, a custom cloud
 * on the emulator's endpoints, signed in with the host's managed identity (MSI_ENDPOINT). Every other
 * host is unreachable: the proxy points at a closed port and only the emulator's names bypass it.
 */
export type AzResult = { code: number; stdout: string; stderr: string; durationMs: number };
export type AzureCli = { directory: string; run(...args: string[]): Promise<AzResult>; json<T>(...args: string[]): Promise<T>; dispose(): Promise<void> };

export const emulatorCloudName = "ClusterdeskEmulator";
const callTimeoutMs = 90_000;

/**
 * Debian's azure-cli 2.45 runs on python3-azure's azure-mgmt-authorization 3.0.0, whose operation groups
 * keep their configuration in `_config`; `az role assignment create|list|delete` read `.config` and fail
 * before sending anything (Azure/azure-cli#24959, open). Loaded through PYTHONPATH, this gives them the
 * attribute they read; with a CLI that does not need it, it changes nothing.
 */
const authorizationClientFix = `import importlib
for version in ("v2015_06_01", "v2018_01_01_preview", "v2020_04_01_preview", "v2022_04_01"):
    try:
        operations = importlib.import_module("azure.mgmt.authorization.%s.operations" % version)
    except ImportError:
        continue
    for name in dir(operations):
        group = getattr(operations, name)
        if isinstance(group, type) and name.endswith("Operations") and not hasattr(group, "config"):
            group.config = property(lambda self: self._config)
`;

/** The custom cloud: ARM and the login endpoint on the emulator, its own URL as the Graph resource id. */
export function emulatorCloudConfig(url: string): string {
  return JSON.stringify({
    endpoints: {
      resourceManager: `${url}/`,
      activeDirectory: url,
      management: "https://management.core.windows.net/",
      activeDirectoryResourceId: "https://management.core.windows.net/",
      activeDirectoryGraphResourceId: `${url}/`,
      microsoftGraphResourceId: `${url}/`,
    },
  });
}

export async function azureCliForEmulator(emulator: Emulator, az: string): Promise<AzureCli> {
  const directory = await mkdtemp(path.join(tmpdir(), "clusterdesk-az-"));
  const python = path.join(directory, "python");
  await mkdir(python);
  await writeFile(path.join(python, "sitecustomize.py"), authorizationClientFix);
  const environment = childEnvironment({
    HOME: directory,
    AZURE_CONFIG_DIR: path.join(directory, "config"),
    AZURE_EXTENSION_DIR: path.join(directory, "extensions"),
    REQUESTS_CA_BUNDLE: emulator.caCertPath,
    AZURE_CORE_COLLECT_TELEMETRY: "false",
    AZURE_CORE_NO_COLOR: "true",
    MSI_ENDPOINT: `${emulator.url}${managedIdentityPath}`,
    PYTHONPATH: python,
    HTTPS_PROXY: "http://127.0.0.1:9",
    HTTP_PROXY: "http://127.0.0.1:9",
    NO_PROXY: "localhost,127.0.0.1",
    // Not Cloud Shell, not App Service, no other credentials: the MSI endpoint is the only sign-in.
    ACC_CLOUD: undefined, MSI_SECRET: undefined, IDENTITY_ENDPOINT: undefined, IDENTITY_HEADER: undefined,
    AZURE_CLIENT_ID: undefined, AZURE_CLIENT_SECRET: undefined, AZURE_TENANT_ID: undefined, AZURE_CLOUD_NAME: undefined,
  });
  const run = (...args: string[]) =>
    new Promise<AzResult>((resolve) => {
      const started = Date.now();
      execFile(az, args, { env: environment, timeout: callTimeoutMs, maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) =>
        resolve({ code: error ? (typeof error.code === "number" ? error.code : 1) : 0, stdout, stderr, durationMs: Date.now() - started }),
      );
    });
  const json = async <T>(...args: string[]): Promise<T> => {
    const result = await run(...args, "--output", "json");
    if (result.code !== 0) throw new Error(`az ${args.slice(0, 3).join(" ")} exited ${result.code}: ${result.stderr}`);
    // Commands such as `az cloud set` and `az account set` print nothing.
    return (result.stdout.trim() ? JSON.parse(result.stdout) : undefined) as T;
  };
  return { directory, run, json, dispose: () => rm(directory, { recursive: true, force: true }) };
}

/**
 * For tests that run scripts: `shell` runs `env` with the CLI's environment, so `az` here is the CLI's
 * path. Registers and selects the emulator's cloud, signs in with the managed identity and selects
 * `subscriptionId`; throws with az's stderr if a step fails.
 */
export async function signInThroughEnv(shell: AzureCli, emulator: Pick<Emulator, "url">, az: string, subscriptionId: string): Promise<void> {
  const steps = [
    ["cloud", "register", "--name", emulatorCloudName, "--cloud-config", emulatorCloudConfig(emulator.url)],
    ["cloud", "set", "--name", emulatorCloudName],
    ["login", "--identity"],
    ["account", "set", "--subscription", subscriptionId],
  ];
  for (const args of steps) {
    const result = await shell.run(az, ...args);
    if (result.code !== 0) throw new Error(`az ${args.join(" ")}: ${result.stderr}`);
  }
}
