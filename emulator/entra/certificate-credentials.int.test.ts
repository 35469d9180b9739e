import { createHash, createPrivateKey, X509Certificate } from "node:crypto";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { ClientCertificateCredential } from "@azure/identity";
import { SignJWT } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { localDemoOrganisation } from "@/lib/config/local-mode";
import { startTestEmulator, type TestEmulator } from "../test-support/start-test-emulator";
import { createTestClientCertificate, type TestClientCertificate } from "../test-support/client-certificate";

/** Entra's side of certificate credentials, driven by @azure/identity's ClientCertificateCredential and by hand-made assertions. */
let emulator: TestEmulator;
let folder: string;
let registered: TestClientCertificate;
const { tenantId, clientId } = localDemoOrganisation;

beforeAll(async () => {
  emulator = await startTestEmulator();
  registered = createTestClientCertificate("clusterdesk-portal");
  emulator.addCertificateCredential(clientId, registered.certificatePem);
  folder = await mkdtemp(path.join(tmpdir(), "clusterdesk-certificate-"));
});
afterAll(async () => {
  await emulator.dispose();
  await rm(folder, { recursive: true, force: true });
});

async function tokenWith(certificate: TestClientCertificate) {
  const file = path.join(folder, `${createHash("sha1").update(certificate.pem).digest("hex")}.pem`);
  await writeFile(file, certificate.pem, { mode: 0o600 });
  return new ClientCertificateCredential(tenantId, clientId, { certificatePath: file }, { authorityHost: emulator.url, disableInstanceDiscovery: true })
    .getToken("https://management.azure.com/.default")
    .then((token) => ({ ok: true as const, token: token.token }), (error: unknown) => ({ ok: false as const, message: error instanceof Error ? error.message : String(error) }));
}

/** Posts a hand-made assertion signed with the registered certificate's key, to vary one claim at a time. */
async function redeem(claims: { iss?: string; sub?: string; aud?: string; expiresIn?: number }) {
  const thumbprint = createHash("sha256").update(new X509Certificate(registered.certificatePem).raw).digest("base64url");
  const now = Math.floor(Date.now() / 1000);
  const assertion = await new SignJWT({})
    .setProtectedHeader({ alg: "PS256", "x5t#S256": thumbprint })
    .setIssuer(claims.iss ?? clientId)
    .setSubject(claims.sub ?? clientId)
    .setAudience(claims.aud ?? `${emulator.url}/${tenantId}/oauth2/v2.0/token`)
    .setNotBefore(now - 120)
    .setIssuedAt(now - 120)
    .setExpirationTime(now + (claims.expiresIn ?? 600))
    .setJti(crypto.randomUUID())
    .sign(createPrivateKey(registered.privateKeyPem));
  const response = await fetch(`${emulator.url}/${tenantId}/oauth2/v2.0/token`, {
    method: "POST",
    body: new URLSearchParams({ grant_type: "client_credentials", client_id: clientId, scope: "https://graph.microsoft.com/.default", client_assertion_type: "urn:ietf:params:oauth:client-assertion-type:jwt-bearer", client_assertion: assertion }),
  });
  return { status: response.status, body: (await response.json()) as { access_token?: string; error_codes?: number[]; error_description?: string } };
}

describe("certificate client assertions", () => {
  it("give a token for an assertion signed with the registered certificate's key, also from an encrypted PEM", async () => {
    expect(await tokenWith(registered)).toMatchObject({ ok: true });
    const encrypted = createTestClientCertificate("clusterdesk-portal-encrypted", "correct horse");
    emulator.addCertificateCredential(clientId, encrypted.certificatePem);
    const file = path.join(folder, "encrypted.pem");
    await writeFile(file, encrypted.pem, { mode: 0o600 });
    const credential = new ClientCertificateCredential(tenantId, clientId, { certificatePath: file, certificatePassword: "correct horse" }, { authorityHost: emulator.url, disableInstanceDiscovery: true });
    expect((await credential.getToken("https://graph.microsoft.com/.default")).token).toMatch(/^ey/);
  });

  it("refuse a certificate the app registration does not hold, naming its thumbprint (AADSTS700027)", async () => {
    const stranger = createTestClientCertificate("clusterdesk-portal");
    const thumbprint = createHash("sha256").update(new X509Certificate(stranger.certificatePem).raw).digest("hex").toUpperCase();
    const result = await tokenWith(stranger);
    expect(result).toMatchObject({ ok: false, message: expect.stringContaining(`AADSTS700027: Client assertion contains an invalid signature. [Reason - The key was not found., Thumbprint of key used by client: '${thumbprint}'`) });
  });

  it("refuse an assertion whose signature is not the certificate's, even naming its thumbprint (AADSTS700027)", async () => {
    const forger = createTestClientCertificate("forger");
    const thumbprint = createHash("sha256").update(new X509Certificate(registered.certificatePem).raw).digest("base64url");
    const now = Math.floor(Date.now() / 1000);
    const forged = await new SignJWT({}).setProtectedHeader({ alg: "PS256", "x5t#S256": thumbprint }).setIssuer(clientId).setSubject(clientId)
      .setAudience(`${emulator.url}/${tenantId}/oauth2/v2.0/token`).setExpirationTime(now + 600).sign(createPrivateKey(forger.privateKeyPem));
    const response = await fetch(`${emulator.url}/${tenantId}/oauth2/v2.0/token`, {
      method: "POST",
      body: new URLSearchParams({ grant_type: "client_credentials", client_id: clientId, scope: "https://graph.microsoft.com/.default", client_assertion_type: "urn:ietf:params:oauth:client-assertion-type:jwt-bearer", client_assertion: forged }),
    });
    const body = (await response.json()) as { error_codes: number[]; error_description: string };
    expect(response.status).toBe(401);
    expect(body.error_codes).toEqual([700027]);
    expect(body.error_description).toContain("The provided signature value did not match the expected signature value.");
  });

  it("check issuer and subject, audience and time range", async () => {
    expect((await redeem({})).body.access_token).toMatch(/^ey/);
    expect((await redeem({ iss: "00000000-0000-4000-8000-000000000000" })).body.error_codes).toEqual([700021]);
    expect((await redeem({ sub: "00000000-0000-4000-8000-000000000000" })).body.error_codes).toEqual([700021]);
    expect((await redeem({ aud: "https://login.microsoftonline.com/another-tenant/oauth2/v2.0/token" })).body.error_codes).toEqual([700023]);
    expect((await redeem({ expiresIn: -300 })).body).toMatchObject({ error_codes: [700024], error_description: expect.stringContaining("AADSTS700024: Client assertion is not within its valid time range.") });
  });
});
