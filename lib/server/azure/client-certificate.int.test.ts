import { randomUUID } from "node:crypto";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestEmulator, type TestEmulator } from "@/emulator/test-support/start-test-emulator";
import { createTestClientCertificate, type TestClientCertificate } from "@/emulator/test-support/client-certificate";
import { demoSubscriptions, demoUsers } from "@/emulator/seed/organisation";
import { localDemoOrganisation } from "@/lib/config/local-mode";
import { clusterKey } from "@/lib/clusters/resource-id";
import { db } from "@/lib/server/db/client";
import { stopJobQueue } from "@/lib/server/jobs/queue";
import { authorizedIpRangesExecutor } from "@/lib/server/network/authorized-ip-ranges-executor";
import { createChangeRequest } from "@/lib/server/requests/create-request";
import { executeChangeRequest } from "@/lib/server/requests/execute-request";
import { signInThroughEmulator } from "@/lib/server/auth/sign-in.test-helper";
import { appEnvironmentValues, setAppEnvironment } from "@/test/app-under-test";

/**
 * The certificate option end to end: the portal runs against a real-tenant configuration (the
 * emulator as a custom cloud) whose only proof of identity is a PEM file with a certificate and its
 * encrypted private key. MSAL signs the code redemption's client assertion with it, @azure/identity
 * the one for ARM; the emulator accepts only a certificate uploaded to the app registration.
 */
const baseUrl = "https://clusterdesk-cert.contoso.test";
const clusterId = `/subscriptions/${demoSubscriptions.nonProduction}/resourceGroups/rg-dev/providers/Microsoft.ContainerService/managedClusters/aks-shared-dev`;
const range = "203.0.113.118";
const password = randomUUID();

let emulator: TestEmulator;
let folder: string;
let certificate: TestClientCertificate;

beforeAll(async () => {
  emulator = await startTestEmulator({ lroDurationMs: 100, redirectUris: [`${baseUrl}/auth/callback`] });
  folder = await mkdtemp(path.join(tmpdir(), "clusterdesk-client-certificate-"));
  certificate = createTestClientCertificate("clusterdesk", password);
  const certificatePath = path.join(folder, "clusterdesk.pem");
  await writeFile(certificatePath, certificate.pem, { mode: 0o600 });
  setAppEnvironment({
    CLUSTERDESK_MODE: "azure",
    CLUSTERDESK_BASE_URL: baseUrl,
    AZURE_TENANT_ID: localDemoOrganisation.tenantId,
    AZURE_CLIENT_ID: localDemoOrganisation.clientId,
    AZURE_CLIENT_CERTIFICATE_PATH: certificatePath,
    AZURE_CLIENT_CERTIFICATE_PASSWORD: password,
    AZURE_AUTHORITY_HOST: emulator.url,
    AZURE_RESOURCE_MANAGER_URL: emulator.url,
    AZURE_RESOURCE_MANAGER_AUDIENCE: "https://management.azure.com",
    MICROSOFT_GRAPH_URL: emulator.url,
    AZURE_SUBSCRIPTION_IDS: localDemoOrganisation.subscriptionIds.join(","),
    CLUSTERDESK_ADMIN_GROUP_IDS: localDemoOrganisation.adminGroupIds.join(","),
    AZURE_CLIENT_SECRET: undefined,
    AZURE_FEDERATED_TOKEN_FILE: undefined,
    CLUSTERDESK_EMULATOR_URL: undefined,
  });
});
afterAll(async () => {
  await stopJobQueue();
  await emulator.dispose();
  await rm(folder, { recursive: true, force: true });
});

const tokenResponses = () => emulator.requests().filter((entry) => entry.method === "POST" && new URL(entry.path, emulator.url).pathname.endsWith("/oauth2/v2.0/token")).map((entry) => entry.status);

describe("the portal with a certificate credential and no secret", () => {
  it("has no secret in its environment", () => {
    expect(appEnvironmentValues().join("\n")).not.toContain(localDemoOrganisation.clientSecret);
  });

  it("signs a person in only once the certificate is uploaded to the app registration", async () => {
    emulator.clearRequests();
    // Another certificate is registered, not the portal's: Entra refuses the assertion (AADSTS700027, 401).
    emulator.addCertificateCredential(localDemoOrganisation.clientId, createTestClientCertificate("clusterdesk-old").certificatePem);
    expect((await signInThroughEmulator(demoUsers.admin)).result).toMatchObject({ ok: false, failure: "refused" });
    expect(tokenResponses()).toEqual([401]);
    emulator.addCertificateCredential(localDemoOrganisation.clientId, certificate.certificatePem);
    expect((await signInThroughEmulator(demoUsers.admin)).result).toMatchObject({ ok: true });
    expect(tokenResponses()).toEqual([401, 200]);
  });

  it("changes an IP range on ARM with a token the certificate obtained", async () => {
    const requester = { kind: "user" as const, objectId: randomUUID(), name: "Priya Patel", upn: "priya.patel@clusterdesk-demo.onmicrosoft.com" };
    const created = await createChangeRequest(
      {
        kind: "authorized-ip-ranges",
        clusterResourceId: clusterKey(clusterId),
        tenantId: null,
        payload: { add: [{ range, lifetimeSeconds: null, owner: "CI" }], remove: [] },
        justification: "CI agents",
        decideBy: null,
      },
      requester,
      { clientIp: null, userAgent: null, correlationId: randomUUID(), path: "/" },
      { applyDirectly: { reason: "certificate credential test" } },
    );
    const attempt = { retryCount: 0, retryLimit: 3, signal: new AbortController().signal };
    const outcome = await executeChangeRequest(created.id, attempt, { "authorized-ip-ranges": authorizedIpRangesExecutor({ pollIntervalMs: 20 }) });
    expect(outcome).toBe("applied");
    const cluster = emulator.state().clusters.find((record) => record.resource.name === "aks-shared-dev");
    expect(cluster?.resource.properties.apiServerAccessProfile?.authorizedIPRanges).toContain(`${range}/32`);
    expect(await db().authorizedIpRange.count({ where: { clusterResourceId: clusterKey(clusterId), range: `${range}/32` } })).toBe(1);
  });
});
