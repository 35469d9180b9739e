import { createServer as createHttpServer, type IncomingMessage, type Server as HttpServer, type ServerResponse } from "node:http";
import { createServer, type Server } from "node:https";
import type { AddressInfo } from "node:net";
import { createOperationStore } from "./arm/operations";
import { createAzureSide } from "./azure-side";
import { aksServerApplicationId, type AzureSideForKubernetes, type KubernetesSideFactory } from "./contracts";
import { applyDirectoryChange, type DirectoryChange } from "./control/directory-changes";
import { createFaultRegistry, type ActiveFault, type FaultSpec } from "./control/faults";
import { createRequestLog, type RequestLogEntry } from "./control/request-log";
import { findServicePrincipalByAppId, findUser } from "./directory";
import { createMailStore, type SentMail } from "./graph/send-mail";
import { audiences } from "./entra/audiences";
import { createGrantStore } from "./entra/grants";
import { loadOrCreateSigningKey } from "./entra/signing-key";
import { createTokenService } from "./entra/token-service";
import { createWorkloadIdentityIssuers } from "./entra/workload-identity";
import { certificateCredentialOf } from "./entra/certificate-credentials";
import type { Runtime } from "./runtime";
import { seedState } from "./seed";
import { addLargeOrganisation } from "./seed/large-organisation";
import { defaultGroupsOverageLimit, demoUsers, type DemoPersona } from "./seed/organisation";
import { createRequestHandler } from "./server";
import type { EmulatorState, FederatedCredential } from "./state";
import { loadOrCreateTls } from "./tls";
import { createKubernetesSide } from "./kubernetes";

/**
 * Starts the emulator in this process. Tests use port 0 and a temporary data folder; `npm run emulator`
 * and the launcher use the port of CLUSTERDESK_EMULATOR_URL. See docs/EMULATOR.md.
 */
export type EmulatorOptions = {
  /** 0 picks a free port. Default 8443. */
  port?: number;
  /** The CA, server certificate and token-signing key live in `<dataDir>/emulator/`. */
  dataDir: string;
  kubernetes?: KubernetesSideFactory;
  /** Plain-HTTP loopback port for the browser-facing sign-in pages. Default: port + 1 (0 with port 0). */
  browserPort?: number;
  /** How long a long-running operation stays InProgress. Default 3000 ms. */
  lroDurationMs?: number;
  /** Items per ARM list page before `nextLink`. Default 100. */
  armPageSize?: number;
  /** Items per Graph page when `$top` is absent. Default 100. */
  graphPageSize?: number;
  /** Above this many groups a token carries the overage claim. Default 200, as in Entra. */
  groupsOverageLimit?: number;
  /** How long a new role assignment takes to affect a cluster's authorization. Default 0 (at once). */
  roleAssignmentPropagationMs?: number;
  /** Exact redirect URIs to register for Clusterdesk besides any loopback URI. */
  redirectUris?: string[];
  /**
   * Authorize every ARM call of an application (the portal) against its role assignments, as ARM
   * does, not only role-assignment writes. Off by default: generated benchmark subscriptions hold no
   * role for the portal. deploy/azure/portal-role-only.int.test.ts turns it on.
   */
  authorizeApplications?: boolean;
};

export type TestTokenRequest = {
  /** A persona (`admin`, `paymentsLead`…), a user object id or a UPN. */
  user?: DemoPersona | string;
  /** The appId of a service principal (client-credentials shape). */
  servicePrincipal?: string;
  /** `arm`, `graph`, `aks` or a literal audience. */
  audience: "arm" | "graph" | "aks" | (string & {});
  /** Negative values give expired tokens. Default 3599. */
  lifetimeSeconds?: number;
};

export type EmulatorEndpoints = {
  url: string;
  tenantId: string;
  authorityHost: string;
  authority: string;
  openIdConfiguration: string;
  resourceManager: string;
  graph: string;
  kubernetes: string;
  control: string;
  caCertPath: string;
  aksServerApplicationId: string;
};

export type Emulator = {
  url: string;
  port: number;
  /** http://localhost:<port>: the sign-in and sign-out pages only, for browsers (see startEmulator). */
  browserUrl: string;
  caCertPath: string;
  caPem: string;
  endpoints: EmulatorEndpoints;
  azure: AzureSideForKubernetes;
  state(): EmulatorState;
  reset(): void;
  injectFault(spec: FaultSpec): ActiveFault;
  clearFaults(): void;
  requests(): RequestLogEntry[];
  clearRequests(): void;
  /** Messages the emulated Graph accepted through sendMail, oldest first. */
  sentMail(): SentMail[];
  clearSentMail(): void;
  generateLargeOrganisation(options: { clusters: number; subscriptions: number }): void;
  issueTestToken(request: TestTokenRequest): Promise<string>;
  /** Disable or delete a user, or change a group's members, as an Entra administrator would. */
  changeDirectory(change: DirectoryChange): void;
  /**
   * Workload identity: add a federated identity credential to an app registration (as
   * `az ad app federated-credential create` does), and mint the token the kubelet would project into
   * a pod of an emulated cluster (its OIDC issuer; audience api://AzureADTokenExchange by default).
   */
  addFederatedCredential(appId: string, credential: FederatedCredential): void;
  /** Upload a certificate (PEM, public part) to an app registration, as `az ad app credential reset --cert` does. */
  addCertificateCredential(appId: string, certificatePem: string): void;
  issueServiceAccountToken(request: { clusterName: string; namespace: string; serviceAccount: string; audience?: string; lifetimeSeconds?: number }): Promise<string>;
  /** Sets how long new role assignments take to affect clusters' authorization (0: at once). */
  setRoleAssignmentPropagation(delayMs: number): void;
  stop(): Promise<void>;
};

function listen(server: Server | HttpServer, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      server.off("error", reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

const browserPages = /^\/[^/]+\/oauth2\/v2\.0\/(authorize|logout)$/;

export async function startEmulator(options: EmulatorOptions): Promise<Emulator> {
  const tls = await loadOrCreateTls(options.dataDir);
  const key = await loadOrCreateSigningKey(options.dataDir);
  const workloadIdentity = await createWorkloadIdentityIssuers();
  let state = seedState();
  let baseUrl = "";
  const settings = {
    lroDurationMs: options.lroDurationMs ?? 3000, armPageSize: options.armPageSize ?? 100,
    graphPageSize: options.graphPageSize ?? 100, groupsOverageLimit: options.groupsOverageLimit ?? defaultGroupsOverageLimit,
    roleAssignmentPropagationMs: options.roleAssignmentPropagationMs ?? 0,
    authorizeApplications: options.authorizeApplications ?? false,
  };
  const tokens = createTokenService({ key, state: () => state, baseUrl: () => baseUrl, groupsOverageLimit: settings.groupsOverageLimit });
  const runtime: Runtime = { state: () => state, tokens, operations: createOperationStore(), faults: createFaultRegistry(), mail: createMailStore(), baseUrl: () => baseUrl, caPem: tls.caPem, settings };
  const grants = createGrantStore();
  const log = createRequestLog();
  const azure = createAzureSide(runtime);
  // Every emulated cluster gets its API server unless a test brings its own Kubernetes side.
  const kubernetes = (options.kubernetes ?? createKubernetesSide)(azure);
  runtime.namespaces = kubernetes.namespaces;

  const reset = () => {
    state = seedState();
    runtime.operations.clear();
    runtime.faults.clear();
    runtime.mail.clear();
    grants.clear();
    kubernetes.reset();
    settings.roleAssignmentPropagationMs = options.roleAssignmentPropagationMs ?? 0;
  };
  const issueTestToken = async (request: TestTokenRequest): Promise<string> => {
    const audience = { arm: audiences.resourceManager, graph: audiences.graph, aks: aksServerApplicationId }[request.audience as string] ?? request.audience;
    const clusterdesk = findServicePrincipalByAppId(state, state.servicePrincipals[0]?.appId ?? "");
    if (request.servicePrincipal) {
      const sp = findServicePrincipalByAppId(state, request.servicePrincipal);
      if (!sp) throw new Error(`No service principal with appId ${request.servicePrincipal}`);
      return tokens.accessToken({ kind: "app", servicePrincipal: sp }, audience, sp.appId, [], request.lifetimeSeconds);
    }
    const who = request.user ?? "admin";
    const user = findUser(state, (demoUsers as Record<string, string>)[who] ?? who);
    if (!user) throw new Error(`No demo user ${who}`);
    return tokens.accessToken({ kind: "user", user }, audience, clusterdesk?.appId ?? "", ["user_impersonation"], request.lifetimeSeconds);
  };
  const setRoleAssignmentPropagation = (delayMs: number) => {
    if (!Number.isFinite(delayMs) || delayMs < 0) throw new Error("delayMs must be a number of milliseconds, 0 or more.");
    settings.roleAssignmentPropagationMs = delayMs;
  };
  const endpoints = (): EmulatorEndpoints => ({
    url: baseUrl, tenantId: state.tenantId, authorityHost: baseUrl, authority: `${baseUrl}/${state.tenantId}`,
    openIdConfiguration: `${baseUrl}/${state.tenantId}/v2.0/.well-known/openid-configuration`,
    resourceManager: baseUrl, graph: baseUrl, kubernetes: `${baseUrl}/k8s`, control: `${baseUrl}/_emulator`,
    caCertPath: tls.caCertPath, aksServerApplicationId,
  });

  const handler = createRequestHandler({
    runtime, kubernetes, log,
    entra: { state: () => state, grants, tokens, key, baseUrl: () => baseUrl, extraRedirectUris: options.redirectUris ?? [], workloadIdentity },
    control: {
      reset, addFault: (spec) => runtime.faults.add(spec), listFaults: () => runtime.faults.list(), clearFaults: () => runtime.faults.clear(),
      requests: () => log.list(), clearRequests: () => log.clear(),
      sentMail: () => runtime.mail.list(), clearSentMail: () => runtime.mail.clear(),
      generate: (generate) => addLargeOrganisation(state, generate), endpoints, issueToken: issueTestToken,
      changeDirectory: (change) => applyDirectoryChange(state, change),
      roleAssignmentPropagation: () => ({ delayMs: settings.roleAssignmentPropagationMs }),
      setRoleAssignmentPropagation,
    },
  });
  const servers: Array<Server | HttpServer> = [createServer({ key: tls.keyPem, cert: tls.certPem }, handler)];
  const port = await listen(servers[0] as Server, options.port ?? 8443, "127.0.0.1");
  // `localhost` may resolve to ::1 first; listen there too when the machine has IPv6 loopback.
  const ipv6 = createServer({ key: tls.keyPem, cert: tls.certPem }, handler);
  await listen(ipv6, port, "::1").then(() => servers.push(ipv6), () => undefined);
  baseUrl = `https://localhost:${port}`;

  // The sign-in and sign-out pages are the only ones a person's browser opens. Served over plain
  // HTTP on loopback as well, a newcomer's browser never meets the locally generated CA it does not
  // trust; every API (token, discovery, ARM, Graph, Kubernetes) stays HTTPS-only, as the SDKs require.
  const browserHandler = (request: IncomingMessage, response: ServerResponse) => {
    if (browserPages.test((request.url ?? "/").split("?")[0] ?? "/")) return handler(request, response);
    response.writeHead(404, { "content-type": "text/plain; charset=utf-8" }).end(`Only the sign-in pages are served over http; use ${baseUrl}.`);
  };
  const browserServer = createHttpServer(browserHandler);
  const browserPort = await listen(browserServer, options.browserPort ?? (options.port === 0 ? 0 : (options.port ?? 8443) + 1), "127.0.0.1");
  servers.push(browserServer);
  const browserIpv6 = createHttpServer(browserHandler);
  await listen(browserIpv6, browserPort, "::1").then(() => servers.push(browserIpv6), () => undefined);
  const browserUrl = `http://localhost:${browserPort}`;

  return {
    url: baseUrl, port, browserUrl, caCertPath: tls.caCertPath, caPem: tls.caPem, endpoints: endpoints(), azure,
    state: () => state, reset,
    injectFault: (spec) => runtime.faults.add(spec), clearFaults: () => runtime.faults.clear(),
    requests: () => log.list(), clearRequests: () => log.clear(),
    sentMail: () => runtime.mail.list(), clearSentMail: () => runtime.mail.clear(),
    generateLargeOrganisation: (generate) => addLargeOrganisation(state, generate),
    issueTestToken,
    changeDirectory: (change) => applyDirectoryChange(state, change),
    addFederatedCredential: (appId, credential) => {
      const application = findServicePrincipalByAppId(state, appId);
      if (!application) throw new Error(`No app registration with appId ${appId}`);
      application.federatedCredentials = [...(application.federatedCredentials ?? []).filter((existing) => existing.name !== credential.name), credential];
    },
    addCertificateCredential: (appId, certificatePem) => {
      const application = findServicePrincipalByAppId(state, appId);
      if (!application) throw new Error(`No app registration with appId ${appId}`);
      const credential = certificateCredentialOf(certificatePem);
      application.certificateCredentials = [...(application.certificateCredentials ?? []).filter((existing) => existing.thumbprintSha256 !== credential.thumbprintSha256), credential];
    },
    issueServiceAccountToken: async ({ clusterName, namespace, serviceAccount, audience, lifetimeSeconds }) => {
      const cluster = state.clusters.find((record) => record.resource.name === clusterName);
      const issuer = cluster?.resource.properties.oidcIssuerProfile?.issuerURL;
      if (!issuer) throw new Error(`No cluster ${clusterName} with an OIDC issuer`);
      return workloadIdentity.mint({ issuer, namespace, serviceAccount, audience, lifetimeSeconds });
    },
    setRoleAssignmentPropagation,
    stop: async () => {
      await Promise.all(servers.map((server) => new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      })));
    },
  };
}

export type { DirectoryChange } from "./control/directory-changes";
export type { FaultSpec } from "./control/faults";
export type { RequestLogEntry } from "./control/request-log";
export type { SentMail } from "./graph/send-mail";
