import { randomUUID } from "node:crypto";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestEmulator, type TestEmulator } from "@/emulator/test-support/start-test-emulator";
import { createTestClientCertificate, type TestClientCertificate } from "@/emulator/test-support/client-certificate";
import { localDemoOrganisation } from "@/lib/config/local-mode";
import { stopJobQueue } from "@/lib/server/jobs/queue";
import { signInThroughEmulator } from "@/lib/server/auth/sign-in.test-helper";
import { demoUsers } from "@/emulator/seed/organisation";
import { appEnvironmentValues, emulatorAsCustomCloud, setAppEnvironment } from "@/test/app-under-test";
import { expectRangeAppliedWithPortalIdentity } from "./portal-identity.test-helper";

/**
 * The certificate option end to end: the portal runs against a real-tenant configuration (the
 * emulator as a custom cloud) whose only proof of identity is a PEM file with a certificate and its
 * encrypted private key. MSAL signs the code redemption's client assertion with it, @azure/identity
 * the one for ARM; the emulator accepts only a certificate uploaded to the app registration.
 */
const baseUrl = "https://clusterdesk-cert.contoso.test";
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
  setAppEnvironment({ ...emulatorAsCustomCloud(emulator.url, baseUrl), AZURE_CLIENT_CERTIFICATE_PATH: certificatePath, AZURE_CLIENT_CERTIFICATE_PASSWORD: password });
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
    await expectRangeAppliedWithPortalIdentity(emulator, "203.0.113.118");
  });

});
