import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestEmulator, type TestEmulator } from "@/emulator/test-support/start-test-emulator";
import { localDemoOrganisation } from "@/lib/config/local-mode";
import { stopJobQueue } from "@/lib/server/jobs/queue";
import { signInThroughEmulator } from "@/lib/server/auth/sign-in.test-helper";
import { demoUsers } from "@/emulator/seed/organisation";
import { appEnvironmentValues, emulatorAsCustomCloud, setAppEnvironment } from "@/test/app-under-test";
import { expectRangeAppliedWithPortalIdentity } from "./portal-identity.test-helper";

/**
 * Azure workload identity end to end: the portal runs against a real-tenant configuration (the
 * emulator standing in for Entra ID, ARM and Graph as a custom cloud) whose only proof of identity is
 * the federated token file the webhook projects into a pod. No secret is anywhere in its environment:
 * a person signs in (MSAL redeems the code with the token as client assertion) and an IP range change
 * reaches ARM (@azure/identity exchanges the same token). The portal "runs" on aks-analytics-wi, a
 * cluster with an OIDC issuer; the range is changed on another cluster.
 */
const baseUrl = "https://clusterdesk.contoso.test";
const serviceAccount = { clusterName: "aks-analytics-wi", namespace: "clusterdesk", serviceAccount: "clusterdesk" };

let emulator: TestEmulator;
let folder: string;
let tokenFile: string;

beforeAll(async () => {
  emulator = await startTestEmulator({ lroDurationMs: 100, redirectUris: [`${baseUrl}/auth/callback`] });
  const issuer = emulator.state().clusters.find((cluster) => cluster.resource.name === serviceAccount.clusterName)?.resource.properties.oidcIssuerProfile?.issuerURL ?? "";
  emulator.addFederatedCredential(localDemoOrganisation.clientId, {
    name: "clusterdesk-on-aks-analytics-wi",
    issuer,
    subject: `system:serviceaccount:${serviceAccount.namespace}:${serviceAccount.serviceAccount}`,
    audiences: ["api://AzureADTokenExchange"],
  });
  folder = await mkdtemp(path.join(tmpdir(), "clusterdesk-workload-identity-"));
  tokenFile = path.join(folder, "azure-identity-token");
  await writeFile(tokenFile, await emulator.issueServiceAccountToken(serviceAccount));
  // What the workload identity webhook and the deployment set; lib/env.ts parses it on first use.
  setAppEnvironment({ ...emulatorAsCustomCloud(emulator.url, baseUrl), AZURE_FEDERATED_TOKEN_FILE: tokenFile });
});
afterAll(async () => {
  await stopJobQueue();
  await emulator.dispose();
  await rm(folder, { recursive: true, force: true });
});

describe("the portal with Azure workload identity and no secret", () => {
  it("has no secret in its environment", () => {
    const values = appEnvironmentValues();
    expect(values.join("\n")).not.toContain(localDemoOrganisation.clientSecret);
    expect(values).toContain(tokenFile);
  });

  it("signs a person in, redeeming the code with the federated token, and only with a token Entra trusts", async () => {
    // A token of another service account: no federated credential names its subject (AADSTS70021).
    await writeFile(tokenFile, await emulator.issueServiceAccountToken({ ...serviceAccount, serviceAccount: "someone-else" }));
    expect((await signInThroughEmulator(demoUsers.admin)).result).toMatchObject({ ok: false });
    // The file is re-read for every redemption, as the kubelet rotates it.
    await writeFile(tokenFile, await emulator.issueServiceAccountToken(serviceAccount));
    expect((await signInThroughEmulator(demoUsers.admin)).result).toMatchObject({ ok: true });
  });

  it("changes an IP range on ARM with the token exchanged for the portal's identity", async () => {
    await expectRangeAppliedWithPortalIdentity(emulator, "203.0.113.99");
  });

});
