import { createPrivateKey, generateKeyPairSync, randomBytes } from "node:crypto";
import forge from "node-forge";

/**
 * A self-signed certificate for an app registration's certificate credential, made at test time so
 * no private key is ever committed. `pem` is what AZURE_CLIENT_CERTIFICATE_PATH holds: the private
 * key (encrypted with `password` when one is given) followed by the certificate.
 */
export type TestClientCertificate = { certificatePem: string; privateKeyPem: string; pem: string };

export function createTestClientCertificate(commonName: string, password?: string): TestClientCertificate {
  const { publicKey, privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048, publicKeyEncoding: { type: "spki", format: "pem" }, privateKeyEncoding: { type: "pkcs8", format: "pem" } });
  const certificate = forge.pki.createCertificate();
  certificate.publicKey = forge.pki.publicKeyFromPem(publicKey);
  certificate.serialNumber = `01${randomBytes(15).toString("hex")}`;
  certificate.validity.notBefore = new Date(Date.now() - 60_000);
  certificate.validity.notAfter = new Date(Date.now() + 86_400_000);
  certificate.setSubject([{ name: "commonName", value: commonName }]);
  certificate.setIssuer([{ name: "commonName", value: commonName }]);
  certificate.sign(forge.pki.privateKeyFromPem(privateKey), forge.md.sha256.create());
  const certificatePem = forge.pki.certificateToPem(certificate);
  const keyInFile = password === undefined ? privateKey : createPrivateKey(privateKey).export({ format: "pem", type: "pkcs8", cipher: "aes-256-cbc", passphrase: password }).toString();
  return { certificatePem, privateKeyPem: privateKey, pem: `${keyInFile}${certificatePem}` };
}
