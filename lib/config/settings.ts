import { z } from "zod";
import { defaultEmulatorUrl, localDemoOrganisation } from "./local-mode";

/**
 * Every setting Clusterdesk reads, parsed once. Pure: takes the environment as an argument so the
 * launcher, the app and the tests validate configuration the same way.
 */

const guid = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, "must be a GUID");
const guidList = z
  .string()
  .transform((value) => value.split(",").map((item) => item.trim()).filter(Boolean))
  .pipe(z.array(guid).min(1, "must list at least one GUID (comma-separated)"));
const httpsUrl = z.url({ protocol: /^https$/, error: "must be an https:// URL" });
const postgresUrl = z.url({ protocol: /^postgres(ql)?$/, error: "must be a postgres:// or postgresql:// URL" });

/** The Azure settings that together switch Clusterdesk from local mode to a real tenant. */
export const azureVariables = [
  "AZURE_TENANT_ID",
  "AZURE_CLIENT_ID",
  "AZURE_CLIENT_SECRET",
  "AZURE_SUBSCRIPTION_IDS",
  "CLUSTERDESK_ADMIN_GROUP_IDS",
] as const;

const shared = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  CLUSTERDESK_BASE_URL: z.url({ protocol: /^https?$/ }).default("http://localhost:3000"),
  CLUSTERDESK_DATA_DIR: z.string().min(1).default("data"),
  DATABASE_URL: postgresUrl.optional(),
  CLUSTERDESK_LOG_LEVEL: z.enum(["debug", "info", "warn", "error"]).default("info"),
  CLUSTERDESK_TRUSTED_PROXY_HOPS: z.coerce.number().int("must be a whole number").min(0).max(5).default(0),
});

const azure = z.object({
  AZURE_TENANT_ID: guid,
  AZURE_CLIENT_ID: guid,
  AZURE_CLIENT_SECRET: z.string().min(1),
  AZURE_SUBSCRIPTION_IDS: guidList,
  CLUSTERDESK_ADMIN_GROUP_IDS: guidList,
  CLUSTERDESK_AUDITOR_GROUP_IDS: guidList.optional(),
  AZURE_AUTHORITY_HOST: httpsUrl.default("https://login.microsoftonline.com"),
  AZURE_RESOURCE_MANAGER_URL: httpsUrl.default("https://management.azure.com"),
  MICROSOFT_GRAPH_URL: httpsUrl.default("https://graph.microsoft.com"),
});

/**
 * Which mode was asked for. Without it the Azure variables decide, except in production: there a
 * forgotten Azure variable must not silently start the demo organisation, so local mode is asked for.
 */
const modeChoice = z.object({ CLUSTERDESK_MODE: z.enum(["local", "azure"], { error: "must be local or azure" }).optional() });

const loopbackUrl = z.url({ protocol: /^https?$/, hostname: /^(localhost|127\.0\.0\.1|\[::1\])$/, error: "must be an http(s) URL on localhost" });

const local = z.object({
  CLUSTERDESK_EMULATOR_URL: httpsUrl.default(defaultEmulatorUrl),
  /** Where browsers open the emulator's sign-in pages (plain HTTP on loopback; APIs stay HTTPS). */
  CLUSTERDESK_EMULATOR_SIGN_IN_URL: loopbackUrl.optional(),
});

export type Endpoints = {
  authorityHost: string;
  /** Origin of the pages a browser is sent to for sign-in and sign-out (the authority, except locally). */
  signInPages: string;
  resourceManager: string;
  graph: string;
};

export type Settings = {
  mode: "local" | "azure";
  nodeEnv: "development" | "production" | "test";
  baseUrl: string;
  dataDir: string;
  databaseUrl: string | undefined;
  logLevel: "debug" | "info" | "warn" | "error";
  /** Reverse proxies in front of the portal that append to X-Forwarded-For (0: none). */
  trustedProxyHops: number;
  tenantId: string;
  clientId: string;
  clientSecret: string;
  subscriptionIds: readonly string[];
  adminGroupIds: readonly string[];
  auditorGroupIds: readonly string[];
  endpoints: Endpoints;
};

export class ConfigurationError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`Invalid Clusterdesk configuration:\n${problems.map((problem) => `  - ${problem}`).join("\n")}`);
    this.name = "ConfigurationError";
  }
}

type Environment = Record<string, string | undefined>;

function describeIssues(error: z.ZodError): string[] {
  return error.issues.map((issue) => {
    const variable = issue.path.join(".") || "(environment)";
    const message = issue.code === "invalid_type" && issue.input === undefined ? "is required" : issue.message;
    return `${variable} ${message}`;
  });
}

function withoutEmpty(environment: Environment): Environment {
  return Object.fromEntries(Object.entries(environment).filter(([, value]) => value !== undefined && value !== ""));
}

function modeProblems(environment: Environment, mode: Settings["mode"], requestedMode: Settings["mode"] | undefined, givenAzure: readonly string[]): string[] {
  if (requestedMode === "local" && givenAzure.length > 0) {
    return [`CLUSTERDESK_MODE=local but ${givenAzure.join(", ")} set (unset them, or choose CLUSTERDESK_MODE=azure)`];
  }
  if (mode === "local" && requestedMode === undefined && environment.NODE_ENV === "production") {
    return [
      "No Azure settings for a production start: set the Azure variables for a real tenant, " +
        "or CLUSTERDESK_MODE=local (./clusterdesk start, npm run local) to run the demo organisation against the local emulator",
    ];
  }
  const baseUrl = environment.CLUSTERDESK_BASE_URL ?? "";
  if (mode === "azure" && !baseUrl.startsWith("https://")) {
    return ["CLUSTERDESK_BASE_URL must be the portal's public https:// URL with a real Azure tenant (sign-in redirects and cookies depend on it)"];
  }
  return [];
}

/** Parses the environment; throws a ConfigurationError naming every offending variable. */
export function parseSettings(rawEnvironment: Environment): Settings {
  const environment = withoutEmpty(rawEnvironment);
  const base = shared.safeParse(environment);
  const givenAzure = azureVariables.filter((name) => environment[name] !== undefined);
  const chosen = modeChoice.safeParse(environment);
  const requestedMode = chosen.success ? chosen.data.CLUSTERDESK_MODE : undefined;
  const mode = requestedMode ?? (givenAzure.length > 0 ? "azure" : "local");
  const specific = mode === "azure" ? azure.safeParse(environment) : local.safeParse(environment);

  const problems = [
    ...(base.success ? [] : describeIssues(base.error)),
    ...(chosen.success ? [] : describeIssues(chosen.error)),
    ...(specific.success ? [] : describeIssues(specific.error)),
    ...modeProblems(environment, mode, requestedMode, givenAzure),
  ];
  if (mode === "azure" && givenAzure.length > 0 && givenAzure.length < azureVariables.length) {
    const missing = azureVariables.filter((name) => environment[name] === undefined);
    problems.unshift(
      `Azure configuration is incomplete: ${givenAzure.join(", ")} set but ${missing.join(", ")} missing ` +
        `(set all of them for a real tenant, or none for local mode)`,
    );
  }
  if (mode === "azure" && environment.DATABASE_URL === undefined) {
    problems.push("DATABASE_URL is required with a real Azure tenant (the embedded database is for local mode only)");
  }
  if (!base.success || !chosen.success || !specific.success || problems.length > 0) throw new ConfigurationError([...new Set(problems)]);

  const common = {
    nodeEnv: base.data.NODE_ENV,
    baseUrl: base.data.CLUSTERDESK_BASE_URL.replace(/\/$/, ""),
    dataDir: base.data.CLUSTERDESK_DATA_DIR,
    databaseUrl: base.data.DATABASE_URL,
    logLevel: base.data.CLUSTERDESK_LOG_LEVEL,
    trustedProxyHops: base.data.CLUSTERDESK_TRUSTED_PROXY_HOPS,
  };
  if (mode === "azure") {
    const settings = azure.parse(environment);
    return {
      ...common,
      mode,
      tenantId: settings.AZURE_TENANT_ID,
      clientId: settings.AZURE_CLIENT_ID,
      clientSecret: settings.AZURE_CLIENT_SECRET,
      subscriptionIds: settings.AZURE_SUBSCRIPTION_IDS,
      adminGroupIds: settings.CLUSTERDESK_ADMIN_GROUP_IDS,
      auditorGroupIds: settings.CLUSTERDESK_AUDITOR_GROUP_IDS ?? [],
      endpoints: {
        authorityHost: settings.AZURE_AUTHORITY_HOST.replace(/\/$/, ""),
        signInPages: settings.AZURE_AUTHORITY_HOST.replace(/\/$/, ""),
        resourceManager: settings.AZURE_RESOURCE_MANAGER_URL.replace(/\/$/, ""),
        graph: settings.MICROSOFT_GRAPH_URL.replace(/\/$/, ""),
      },
    };
  }
  const localSettings = local.parse(environment);
  const emulatorUrl = localSettings.CLUSTERDESK_EMULATOR_URL.replace(/\/$/, "");
  const signInPages = (localSettings.CLUSTERDESK_EMULATOR_SIGN_IN_URL ?? emulatorUrl).replace(/\/$/, "");
  return {
    ...common,
    mode,
    tenantId: localDemoOrganisation.tenantId,
    clientId: localDemoOrganisation.clientId,
    clientSecret: localDemoOrganisation.clientSecret,
    subscriptionIds: localDemoOrganisation.subscriptionIds,
    adminGroupIds: localDemoOrganisation.adminGroupIds,
    auditorGroupIds: localDemoOrganisation.auditorGroupIds,
    endpoints: { authorityHost: emulatorUrl, signInPages, resourceManager: emulatorUrl, graph: emulatorUrl },
  };
}
