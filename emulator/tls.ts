import { generateKeyPairSync, randomBytes, X509Certificate } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import forge from "node-forge";

/**
 * A local certificate authority and a server certificate for localhost, made on first run and kept
 * in `<dataDir>/emulator/`. Clients trust the CA (NODE_EXTRA_CA_CERTS, or tls.setDefaultCACertificates
 * in-process) instead of skipping verification, so the SDKs run their real TLS code paths.
 */
export type EmulatorTls = { caCertPath: string; caPem: string; certPem: string; keyPem: string };

const validityDays = 825; // the longest lifetime Apple and Chromium accept for a server certificate

function newKeys(): { publicKey: forge.pki.PublicKey; privateKey: forge.pki.rsa.PrivateKey; privatePem: string } {
  // Node's native RSA generation; node-forge's pure-JS generation takes seconds.
  const { publicKey, privateKey } = generateKeyPairSync("rsa", {
    modulusLength: 2048,
    publicKeyEncoding: { type: "spki", format: "pem" },
    privateKeyEncoding: { type: "pkcs8", format: "pem" },
  });
  return { publicKey: forge.pki.publicKeyFromPem(publicKey), privateKey: forge.pki.privateKeyFromPem(privateKey), privatePem: privateKey };
}

function certificate(subject: string, publicKey: forge.pki.PublicKey, days: number): forge.pki.Certificate {
  const cert = forge.pki.createCertificate();
  cert.publicKey = publicKey;
  cert.serialNumber = `01${randomBytes(15).toString("hex")}`;
  cert.validity.notBefore = new Date(Date.now() - 60_000);
  cert.validity.notAfter = new Date(Date.now() + days * 86_400_000);
  cert.setSubject([{ name: "commonName", value: subject }]);
  return cert;
}

function createAuthority(): { certPem: string; keyPem: string } {
  const keys = newKeys();
  // A distinct name per CA: tests run several emulators (each with its own CA) in one process, and
  // OpenSSL picks the issuer by subject name, so two CAs of the same name make verification flaky.
  const cert = certificate(`Clusterdesk emulator local CA ${randomBytes(4).toString("hex")}`, keys.publicKey, 3650);
  cert.setIssuer(cert.subject.attributes);
  cert.setExtensions([
    { name: "basicConstraints", cA: true, critical: true },
    { name: "keyUsage", keyCertSign: true, cRLSign: true, critical: true },
    { name: "subjectKeyIdentifier" },
  ]);
  cert.sign(keys.privateKey, forge.md.sha256.create());
  return { certPem: forge.pki.certificateToPem(cert), keyPem: keys.privatePem };
}

function createServerCertificate(caCertPem: string, caKeyPem: string): { certPem: string; keyPem: string } {
  const caCert = forge.pki.certificateFromPem(caCertPem);
  const keys = newKeys();
  const cert = certificate("localhost", keys.publicKey, validityDays);
  cert.setIssuer(caCert.subject.attributes);
  cert.setExtensions([
    { name: "basicConstraints", cA: false },
    { name: "keyUsage", digitalSignature: true, keyEncipherment: true, critical: true },
    { name: "extKeyUsage", serverAuth: true },
    { name: "authorityKeyIdentifier", keyIdentifier: caCert.generateSubjectKeyIdentifier().getBytes() },
    {
      name: "subjectAltName",
      altNames: [
        { type: 2, value: "localhost" },
        { type: 7, ip: "127.0.0.1" },
        { type: 7, ip: "::1" },
      ],
    },
  ]);
  cert.sign(forge.pki.privateKeyFromPem(caKeyPem), forge.md.sha256.create());
  return { certPem: forge.pki.certificateToPem(cert), keyPem: keys.privatePem };
}

function stillValid(certPem: string, caPem: string): boolean {
  const cert = new X509Certificate(certPem);
  const renewBefore = Date.now() + 7 * 86_400_000;
  return new Date(cert.validTo).getTime() > renewBefore && cert.checkIssued(new X509Certificate(caPem));
}

export async function loadOrCreateTls(dataDir: string): Promise<EmulatorTls> {
  const dir = path.resolve(dataDir, "emulator");
  await mkdir(dir, { recursive: true });
  const file = (name: string) => path.join(dir, name);
  if (!existsSync(file("ca.pem")) || !existsSync(file("ca-key.pem"))) {
    const authority = createAuthority();
    await writeFile(file("ca-key.pem"), authority.keyPem, { mode: 0o600 });
    await writeFile(file("ca.pem"), authority.certPem);
  }
  const caPem = await readFile(file("ca.pem"), "utf8");
  const serverExists = existsSync(file("server.pem")) && existsSync(file("server-key.pem"));
  if (!serverExists || !stillValid(await readFile(file("server.pem"), "utf8"), caPem)) {
    const server = createServerCertificate(caPem, await readFile(file("ca-key.pem"), "utf8"));
    await writeFile(file("server-key.pem"), server.keyPem, { mode: 0o600 });
    await writeFile(file("server.pem"), server.certPem);
  }
  return {
    caCertPath: file("ca.pem"),
    caPem,
    certPem: await readFile(file("server.pem"), "utf8"),
    keyPem: await readFile(file("server-key.pem"), "utf8"),
  };
}
