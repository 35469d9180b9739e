import { localDemoOrganisation } from "@/lib/config/local-mode";

/**
 * Settings for the app's modules in an integration test. lib/env.ts parses process.env once, on first
 * use, so call these before anything asks for env().
 */
export function pointAppAtEmulator(emulatorUrl: string): void {
  process.env.CLUSTERDESK_EMULATOR_URL = emulatorUrl;
}

/** The integration run's migrated database (set by test/integration-setup.ts). */
export function appDatabaseUrl(): string {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set: run through the integration project");
  return url;
}

/** Sets (or, for undefined, removes) the app's environment variables; call before anything asks for env(). */
export function setAppEnvironment(values: Record<string, string | undefined>): void {
  for (const [name, value] of Object.entries(values)) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
}

/** Every value in the app's environment, to check that a secret is nowhere in it. */
export function appEnvironmentValues(): string[] {
  return Object.values(process.env).filter((value): value is string => value !== undefined);
}

/**
 * Azure mode with the emulator as a custom cloud (its Entra ID, ARM and Graph), the demo
 * organisation's tenant, app and groups; no proof of identity (the test adds the one it is about)
 * and no local-mode emulator URL.
 */
export function emulatorAsCustomCloud(emulatorUrl: string, baseUrl: string): Record<string, string | undefined> {
  return {
    CLUSTERDESK_MODE: "azure",
    CLUSTERDESK_BASE_URL: baseUrl,
    AZURE_TENANT_ID: localDemoOrganisation.tenantId,
    AZURE_CLIENT_ID: localDemoOrganisation.clientId,
    AZURE_AUTHORITY_HOST: emulatorUrl,
    AZURE_RESOURCE_MANAGER_URL: emulatorUrl,
    // The emulator's ARM stands in for the public cloud's and accepts its audience.
    AZURE_RESOURCE_MANAGER_AUDIENCE: "https://management.azure.com",
    MICROSOFT_GRAPH_URL: emulatorUrl,
    AZURE_SUBSCRIPTION_IDS: localDemoOrganisation.subscriptionIds.join(","),
    CLUSTERDESK_ADMIN_GROUP_IDS: localDemoOrganisation.adminGroupIds.join(","),
    AZURE_CLIENT_SECRET: undefined,
    AZURE_FEDERATED_TOKEN_FILE: undefined,
    AZURE_CLIENT_CERTIFICATE_PATH: undefined,
    AZURE_CLIENT_CERTIFICATE_PASSWORD: undefined,
    CLUSTERDESK_EMULATOR_URL: undefined,
  };
}
