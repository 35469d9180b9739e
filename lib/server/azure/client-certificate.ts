import "server-only";
import { createHash, createPrivateKey, X509Certificate } from "node:crypto";
import { readFileSync } from "node:fs";

/**
 * The certificate the portal proves its identity with (AZURE_CLIENT_CERTIFICATE_PATH): one PEM file
 * with the certificate uploaded to the app registration and its private key, optionally encrypted.
 * MSAL signs its client assertions with the key and names the certificate by its SHA-256 thumbprint
 * (`x5t#S256`, PS256); it needs the key unencrypted, so it is decrypted here, in memory only.
 * Errors name the file, never its contents.
 */
export type ClientCertificate = { thumbprintSha256: string; privateKey: string };

export function readClientCertificate(path: string, password: string | null): ClientCertificate {
  const pem = readFileSync(path, "utf8");
  const certificate = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/.exec(pem)?.[0];
  const key = /-----BEGIN (?:ENCRYPTED |RSA |EC )?PRIVATE KEY-----[\s\S]+?-----END (?:ENCRYPTED |RSA |EC )?PRIVATE KEY-----/.exec(pem)?.[0];
  if (!certificate || !key) throw new Error(`AZURE_CLIENT_CERTIFICATE_PATH ${path} must hold a PEM certificate and its private key`);
  let privateKey: string;
  try {
    privateKey = createPrivateKey({ key, format: "pem", ...(password === null ? {} : { passphrase: password }) }).export({ format: "pem", type: "pkcs8" }).toString();
  } catch {
    throw new Error(`The private key in ${path} cannot be read (encrypted without AZURE_CLIENT_CERTIFICATE_PASSWORD, or a wrong password?)`);
  }
  const thumbprintSha256 = createHash("sha256").update(new X509Certificate(certificate).raw).digest("hex").toUpperCase();
  return { thumbprintSha256, privateKey };
}
