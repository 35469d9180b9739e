import { ClientAssertionCredential } from "@azure/identity";
import { generateKeyPair, SignJWT } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { localDemoOrganisation } from "@/lib/config/local-mode";
import { startTestEmulator, type TestEmulator } from "../test-support/start-test-emulator";

/** Entra's side of workload identity, driven by @azure/identity's ClientAssertionCredential. */
let emulator: TestEmulator;
let issuer: string;
const pod = { clusterName: "aks-analytics-wi", namespace: "clusterdesk", serviceAccount: "clusterdesk" };

beforeAll(async () => {
  emulator = await startTestEmulator();
  issuer = emulator.state().clusters.find((cluster) => cluster.resource.name === pod.clusterName)?.resource.properties.oidcIssuerProfile?.issuerURL ?? "";
  emulator.addFederatedCredential(localDemoOrganisation.clientId, { name: "portal", issuer, subject: "system:serviceaccount:clusterdesk:clusterdesk", audiences: ["api://AzureADTokenExchange"] });
});
afterAll(() => emulator.dispose());

const tokenWith = (assertion: () => Promise<string>) =>
  new ClientAssertionCredential(localDemoOrganisation.tenantId, localDemoOrganisation.clientId, assertion, { authorityHost: emulator.url, disableInstanceDiscovery: true })
    .getToken("https://management.azure.com/.default")
    .then((token) => ({ ok: true as const, token: token.token }), (error: unknown) => ({ ok: false as const, message: error instanceof Error ? error.message : String(error) }));

describe("federated client assertions", () => {
  it("exchange a projected service-account token named by a federated credential for an access token", async () => {
    const result = await tokenWith(() => emulator.issueServiceAccountToken(pod));
    expect(result.ok).toBe(true);
  });

  it("refuse a subject no federated credential names, saying what was presented (AADSTS70021)", async () => {
    const result = await tokenWith(() => emulator.issueServiceAccountToken({ ...pod, serviceAccount: "intruder" }));
    expect(result).toMatchObject({ ok: false, message: expect.stringContaining(`AADSTS70021: No matching federated identity record found for presented assertion. Assertion Issuer: '${issuer}'. Assertion Subject: 'system:serviceaccount:clusterdesk:intruder'.`) });
  });

  it("refuse another audience, an expired token and one signed by a key the issuer does not publish", async () => {
    expect(await tokenWith(() => emulator.issueServiceAccountToken({ ...pod, audience: "api://SomethingElse" }))).toMatchObject({ ok: false, message: expect.stringContaining("AADSTS70021") });
    expect(await tokenWith(() => emulator.issueServiceAccountToken({ ...pod, lifetimeSeconds: -60 }))).toMatchObject({ ok: false, message: expect.stringContaining("AADSTS700024") });
    const forger = await generateKeyPair("RS256");
    const forged = () =>
      new SignJWT({}).setProtectedHeader({ alg: "RS256" }).setIssuer(issuer).setSubject("system:serviceaccount:clusterdesk:clusterdesk").setAudience("api://AzureADTokenExchange").setIssuedAt().setExpirationTime("1h").sign(forger.privateKey);
    expect(await tokenWith(forged)).toMatchObject({ ok: false, message: expect.stringContaining("AADSTS50013: Assertion failed signature validation") });
  });
});
