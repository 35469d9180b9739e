import { z } from "zod";
import { azureCloudNames, azureClouds, defaultScopeOf } from "./azure-clouds";
import { defaultProductionTagRule, type ProductionTagRule } from "../clusters/production";
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
const nameList = z
  .string()
  .transform((value) => value.split(",").map((item) => item.trim()).filter(Boolean))
  .pipe(z.array(z.string()).min(1, "must list at least one name (comma-separated)"));
const httpsUrl = z.url({ protocol: /^https$/, error: "must be an https:// URL" });
const postgresUrl = z.url({ protocol: /^postgres(ql)?$/, error: "must be a postgres:// or postgresql:// URL" });

/** The Azure settings that together switch Clusterdesk from local mode to a real tenant. */
export const azureVariables = [
  "AZURE_TENANT_ID",
  "AZURE_CLIENT_ID",
  "AZURE_SUBSCRIPTION_IDS",
  "CLUSTERDESK_ADMIN_GROUP_IDS",
] as const;

/**
 * How the portal proves its identity to Entra ID, exactly one of them: a client secret (for trials),
 * Azure workload identity's federated token file (AZURE_FEDERATED_TOKEN_FILE, which the workload
 * identity webhook sets in the pod), so nothing secret needs rotating, or a certificate uploaded to
 * the app registration (AZURE_CLIENT_CERTIFICATE_PATH: a PEM with its private key) outside AKS.
 */
export const credentialVariables = ["AZURE_CLIENT_SECRET", "AZURE_FEDERATED_TOKEN_FILE", "AZURE_CLIENT_CERTIFICATE_PATH"] as const;
const credentialChoice = "AZURE_CLIENT_SECRET, AZURE_FEDERATED_TOKEN_FILE (workload identity) or AZURE_CLIENT_CERTIFICATE_PATH";

const shared = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  CLUSTERDESK_BASE_URL: z.url({ protocol: /^https?$/ }).default("http://localhost:3000"),
  CLUSTERDESK_DATA_DIR: z.string().min(1).default("data"),
  DATABASE_URL: postgresUrl.optional(),
  CLUSTERDESK_LOG_LEVEL: z.enum(["debug", "info", "warn", "error"]).default("info"),
  CLUSTERDESK_TRUSTED_PROXY_HOPS: z.coerce.number().int("must be a whole number").min(0).max(5).default(0),
  CLUSTERDESK_PEER_ADDRESS_HEADER: z.string().trim().toLowerCase().regex(/^[a-z0-9-]+$/, "must be an HTTP header name").optional(),
  CLUSTERDESK_GROUP_REFRESH_MINUTES: z.coerce.number().int("must be a whole number").min(1).max(60).default(5),
  // /16 (65,536 addresses) is about the widest block one organisation's offices, VPN or CI egress
  // take; anything wider is provider- or country-scale, and posture already calls /8 "open".
  CLUSTERDESK_MIN_IP_RANGE_PREFIX: z.coerce.number().int("must be a whole number").min(1, "must be at least 1 (/0 is always refused)").max(32).default(16),
  CLUSTERDESK_PRODUCTION_TAG_KEYS: nameList.default([...defaultProductionTagRule.keys]),
  CLUSTERDESK_PRODUCTION_TAG_VALUES: nameList.default([...defaultProductionTagRule.values]),
  CLUSTERDESK_IN_PROCESS_WORKERS: z.enum(["true", "false"], { error: "must be true or false" }).default("true"),
  // Azure RBAC documents up to minutes for a role assignment to reach the cluster.
  CLUSTERDESK_ACCESS_EFFECT_DEADLINE_MINUTES: z.coerce.number().int("must be a whole number").min(1).max(24 * 60).default(10),
  // Test-only endpoints (app/api/test-hooks); honoured in local mode only, refused with a real tenant.
  CLUSTERDESK_TEST_HOOKS: z.enum(["true", "false"], { error: "must be true or false" }).default("false"),
  // The Ed25519 seed that signs audit checkpoints (lib/audit/checkpoint-signature.ts); never in the database.
  CLUSTERDESK_AUDIT_CHECKPOINT_KEY: z.string().trim().refine((value) => Buffer.from(value, "base64").length === 32, "must be 32 random bytes in base64 (openssl rand -base64 32)").optional(),
  /** The mailbox notifications are sent from (Graph sendMail, needs Mail.Send); no e-mail without it in Azure mode. */
  CLUSTERDESK_MAIL_SENDER: z.string().trim().regex(/^[^\s@/]+@[^\s@/]+$|^[0-9a-f-]{36}$/i, "must be a mailbox address (UPN) or a user object id").optional(),
  /** A Microsoft Teams channel's incoming webhook that also receives request notifications. */
  CLUSTERDESK_TEAMS_WEBHOOK_URL: httpsUrl.optional(),
  /** Audit events older than this many days are archived to a file and leave the hot table; unset: kept forever. */
  CLUSTERDESK_AUDIT_RETENTION_DAYS: z.coerce.number().int("must be a whole number").min(1).max(36_500).optional(),
  /** Where audit archives are written (lib/server/audit/archive-audit-log.ts); default: <data dir>/audit-archive. */
  CLUSTERDESK_AUDIT_ARCHIVE_DIR: z.string().trim().min(1).optional(),
  /** The port serving Prometheus metrics at /metrics (web and worker processes); unset: no metrics server. */
  CLUSTERDESK_METRICS_PORT: z.coerce.number().int("must be a whole number").min(1).max(65_535).optional(),
  /** OpenTelemetry's standard variables: traces are exported over OTLP/HTTP only when one is set. */
  OTEL_EXPORTER_OTLP_ENDPOINT: z.url({ protocol: /^https?$/, error: "must be an http(s):// URL" }).optional(),
  OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: z.url({ protocol: /^https?$/, error: "must be an http(s):// URL" }).optional(),
  OTEL_SERVICE_NAME: z.string().trim().min(1).optional(),
});

const azure = z.object({
  AZURE_TENANT_ID: guid,
  AZURE_CLIENT_ID: guid,
  AZURE_CLIENT_SECRET: z.string().min(1).optional(),
  AZURE_FEDERATED_TOKEN_FILE: z.string().min(1).optional(),
  /** A PEM file holding the certificate uploaded to the app registration and its private key. */
  AZURE_CLIENT_CERTIFICATE_PATH: z.string().min(1).optional(),
  /** The password of that PEM's private key, when it is encrypted. */
  AZURE_CLIENT_CERTIFICATE_PASSWORD: z.string().min(1).optional(),
  AZURE_SUBSCRIPTION_IDS: guidList,
  CLUSTERDESK_ADMIN_GROUP_IDS: guidList,
  CLUSTERDESK_AUDITOR_GROUP_IDS: guidList.optional(),
  /** Which Azure cloud; each endpoint below may still be set on its own. */
  AZURE_CLOUD: z.enum(azureCloudNames).default("AzureCloud"),
  AZURE_AUTHORITY_HOST: httpsUrl.optional(),
  AZURE_RESOURCE_MANAGER_URL: httpsUrl.optional(),
  /** A custom cloud's ARM token audience when it differs from its endpoint (az: endpoint_active_directory_resource_id). */
  AZURE_RESOURCE_MANAGER_AUDIENCE: httpsUrl.optional(),
  MICROSOFT_GRAPH_URL: httpsUrl.optional(),
});

/**
 * Which mode was asked for. Without it the Azure variables decide, except in production: there a
 * forgotten Azure variable must not silently start the demo organisation, so local mode is asked for.
 */
const modeChoice = z.object({ CLUSTERDESK_MODE: z.enum(["local", "azure"], { error: "must be local or azure" }).optional() });

/** The sender of the demo organisation's notifications in local mode. */
export const localDemoMailSender = "clusterdesk@clusterdesk-demo.onmicrosoft.com";

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
  /** What the portal's identity asks Entra ID for: tokens for the cloud's ARM and Graph. */
  scopes: { resourceManager: string; graph: string };
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
  /**
   * A header in which the server in front of Next.js (the launcher's, or one you run) puts the
   * socket's peer address, replacing anything a client sent under that name. Used with 0 hops.
   */
  peerAddressHeader: string | null;
  /** How old a session's group memberships may get before they are re-read from Graph. */
  groupRefreshIntervalMs: number;
  /** Authorized IP ranges shorter than this prefix (wider) are refused; /0 always is. */
  minIpRangePrefixLength: number;
  /** Clusters with one of these tags need a second admin's approval for every change. */
  productionTags: ProductionTagRule;
  /** Whether web instances run the job workers too (default), or leave them to a worker of their own. */
  inProcessWorkers: boolean;
  /** How long a granted access may take to become effective before it is reported as not effective. */
  accessEffectDeadlineMs: number;
  /** Test-only hooks (e.g. moving a grant's expiry to now for the e2e); never on with a real tenant. */
  testHooks: boolean;
  /** Base64 seed of the key that signs audit checkpoints; null: no checkpoints are written. */
  auditCheckpointKey: string | null;
  /** Where notifications go: the sending mailbox (null: no e-mail) and a Teams channel webhook. */
  notifications: { mailSender: string | null; teamsWebhookUrl: string | null };
  /** Audit retention: events older than `days` are archived into `directory`; days null: kept forever. */
  auditRetention: { days: number | null; directory: string };
  /** Prometheus port (null: off) and where OTLP traces go (null: not traced); see lib/server/telemetry. */
  telemetry: { metricsPort: number | null; tracesEndpoint: string | null; serviceName: string | null };
  tenantId: string;
  clientId: string;
  clientCredential: ClientCredential;
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

/** The portal's proof of identity: a secret, a federated token re-read from its file (it rotates), or a certificate. */
export type ClientCredential =
  | { kind: "secret"; secret: string }
  | { kind: "federated-token-file"; path: string }
  | { kind: "certificate"; path: string; password: string | null };

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

/** Exactly one is set (parseSettings refuses anything else). */
function clientCredentialOf(settings: z.infer<typeof azure>): ClientCredential {
  if (settings.AZURE_FEDERATED_TOKEN_FILE) return { kind: "federated-token-file", path: settings.AZURE_FEDERATED_TOKEN_FILE };
  if (settings.AZURE_CLIENT_CERTIFICATE_PATH) return { kind: "certificate", path: settings.AZURE_CLIENT_CERTIFICATE_PATH, password: settings.AZURE_CLIENT_CERTIFICATE_PASSWORD ?? null };
  return { kind: "secret", secret: settings.AZURE_CLIENT_SECRET ?? "" };
}

/** Parses the environment; throws a ConfigurationError naming every offending variable. */
export function parseSettings(rawEnvironment: Environment): Settings {
  const environment = withoutEmpty(rawEnvironment);
  const base = shared.safeParse(environment);
  const givenAzure = [...azureVariables, ...credentialVariables].filter((name) => environment[name] !== undefined);
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
  const givenCredentials = credentialVariables.filter((name) => environment[name] !== undefined);
  const missing = [...azureVariables.filter((name) => environment[name] === undefined), ...(givenCredentials.length === 0 ? [`one of ${credentialChoice}`] : [])];
  if (mode === "azure" && givenCredentials.length > 1) {
    problems.push(`${givenCredentials.join(" and ")} are set together: set exactly one of ${credentialChoice}`);
  }
  if (environment.AZURE_CLIENT_CERTIFICATE_PASSWORD !== undefined && environment.AZURE_CLIENT_CERTIFICATE_PATH === undefined) {
    problems.push("AZURE_CLIENT_CERTIFICATE_PASSWORD is set without AZURE_CLIENT_CERTIFICATE_PATH");
  }
  if (mode === "azure" && givenAzure.length > 0 && missing.length > 0) {
    problems.unshift(
      `Azure configuration is incomplete: ${givenAzure.join(", ")} set but ${missing.join(", ")} missing ` +
        `(set all of them for a real tenant, or none for local mode)`,
    );
  }
  if (mode === "azure" && environment.CLUSTERDESK_TEST_HOOKS === "true") {
    problems.push("CLUSTERDESK_TEST_HOOKS is for local mode's tests only and is refused with a real Azure tenant");
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
    peerAddressHeader: base.data.CLUSTERDESK_PEER_ADDRESS_HEADER ?? null,
    groupRefreshIntervalMs: base.data.CLUSTERDESK_GROUP_REFRESH_MINUTES * 60_000,
    minIpRangePrefixLength: base.data.CLUSTERDESK_MIN_IP_RANGE_PREFIX,
    productionTags: { keys: base.data.CLUSTERDESK_PRODUCTION_TAG_KEYS, values: base.data.CLUSTERDESK_PRODUCTION_TAG_VALUES },
    inProcessWorkers: base.data.CLUSTERDESK_IN_PROCESS_WORKERS === "true",
    accessEffectDeadlineMs: base.data.CLUSTERDESK_ACCESS_EFFECT_DEADLINE_MINUTES * 60_000,
    testHooks: mode === "local" && base.data.CLUSTERDESK_TEST_HOOKS === "true",
    auditCheckpointKey: base.data.CLUSTERDESK_AUDIT_CHECKPOINT_KEY ?? null,
    notifications: {
      // Locally the emulator's Graph accepts mail from the demo tenant's own domain (docs/EMULATOR.md).
      mailSender: base.data.CLUSTERDESK_MAIL_SENDER ?? (mode === "local" ? localDemoMailSender : null),
      teamsWebhookUrl: base.data.CLUSTERDESK_TEAMS_WEBHOOK_URL ?? null,
    },
    auditRetention: {
      days: base.data.CLUSTERDESK_AUDIT_RETENTION_DAYS ?? null,
      directory: base.data.CLUSTERDESK_AUDIT_ARCHIVE_DIR ?? `${base.data.CLUSTERDESK_DATA_DIR.replace(/\/$/, "")}/audit-archive`,
    },
    telemetry: {
      metricsPort: base.data.CLUSTERDESK_METRICS_PORT ?? null,
      // The signal-specific variable is used as is; the general one gets the traces path (OTLP/HTTP spec).
      tracesEndpoint: base.data.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT ?? (base.data.OTEL_EXPORTER_OTLP_ENDPOINT ? `${base.data.OTEL_EXPORTER_OTLP_ENDPOINT.replace(/\/$/, "")}/v1/traces` : null),
      serviceName: base.data.OTEL_SERVICE_NAME ?? null,
    },
  };
  if (mode === "azure") {
    const settings = azure.parse(environment);
    const cloud = azureClouds[settings.AZURE_CLOUD];
    const withoutSlash = (url: string) => url.replace(/\/$/, "");
    const authorityHost = withoutSlash(settings.AZURE_AUTHORITY_HOST ?? cloud.authorityHost);
    const resourceManager = withoutSlash(settings.AZURE_RESOURCE_MANAGER_URL ?? cloud.resourceManager);
    const graph = withoutSlash(settings.MICROSOFT_GRAPH_URL ?? cloud.graph);
    return {
      ...common,
      mode,
      tenantId: settings.AZURE_TENANT_ID,
      clientId: settings.AZURE_CLIENT_ID,
      clientCredential: clientCredentialOf(settings),
      subscriptionIds: settings.AZURE_SUBSCRIPTION_IDS,
      adminGroupIds: settings.CLUSTERDESK_ADMIN_GROUP_IDS,
      auditorGroupIds: settings.CLUSTERDESK_AUDITOR_GROUP_IDS ?? [],
      endpoints: {
        authorityHost,
        signInPages: authorityHost,
        resourceManager,
        graph,
        scopes: { resourceManager: settings.AZURE_RESOURCE_MANAGER_AUDIENCE ? `${withoutSlash(settings.AZURE_RESOURCE_MANAGER_AUDIENCE)}/.default` : defaultScopeOf(resourceManager), graph: defaultScopeOf(graph) },
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
    clientCredential: { kind: "secret", secret: localDemoOrganisation.clientSecret },
    subscriptionIds: localDemoOrganisation.subscriptionIds,
    adminGroupIds: localDemoOrganisation.adminGroupIds,
    auditorGroupIds: localDemoOrganisation.auditorGroupIds,
    endpoints: {
      authorityHost: emulatorUrl,
      signInPages,
      resourceManager: emulatorUrl,
      graph: emulatorUrl,
      // The emulator stands in for the public cloud: it issues tokens for that cloud's audiences.
      scopes: { resourceManager: defaultScopeOf(azureClouds.AzureCloud.resourceManager), graph: defaultScopeOf(azureClouds.AzureCloud.graph) },
    },
  };
}
