import { X509Certificate } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { createTestClientCertificate } from "@/emulator/test-support/client-certificate";
import { readClientCertificate } from "./client-certificate";

const folder = mkdtempSync(path.join(tmpdir(), "clusterdesk-certificate-unit-"));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

function fileWith(name: string, contents: string): string {
  const file = path.join(folder, name);
  writeFileSync(file, contents, { mode: 0o600 });
  return file;
}

describe("readClientCertificate", () => {
  const plain = createTestClientCertificate("unit-plain");
  const encrypted = createTestClientCertificate("unit-encrypted", "s3cret-pass");

  it("gives MSAL the certificate's SHA-256 thumbprint and its unencrypted key", () => {
    const read = readClientCertificate(fileWith("plain.pem", plain.pem), null);
    expect(read.thumbprintSha256).toBe(new X509Certificate(plain.certificatePem).fingerprint256.replaceAll(":", ""));
    expect(read.privateKey).toMatch(/^-----BEGIN PRIVATE KEY-----/);
  });

  it("decrypts an encrypted key with its password, and says so (without the key) when the password is missing or wrong", () => {
    const file = fileWith("encrypted.pem", encrypted.pem);
    expect(readClientCertificate(file, "s3cret-pass").privateKey).toMatch(/^-----BEGIN PRIVATE KEY-----/);
    for (const password of [null, "wrong"]) {
      expect(() => readClientCertificate(file, password)).toThrow(`The private key in ${file} cannot be read (encrypted without AZURE_CLIENT_CERTIFICATE_PASSWORD, or a wrong password?)`);
    }
  });

  it("refuses a file without both the certificate and its key, naming the setting", () => {
    const file = fileWith("certificate-only.pem", plain.certificatePem);
    expect(() => readClientCertificate(file, null)).toThrow(`AZURE_CLIENT_CERTIFICATE_PATH ${file} must hold a PEM certificate and its private key`);
  });
});
