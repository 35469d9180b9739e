import { randomUUID } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { exportJWK, generateKeyPair, importJWK, type CryptoKey, type JWK } from "jose";

/** The tenant's token-signing key, kept in the data folder so tokens survive an emulator restart. */
export type SigningKey = { kid: string; privateKey: CryptoKey; publicKey: CryptoKey; publicJwk: JWK };

export async function loadOrCreateSigningKey(dataDir: string): Promise<SigningKey> {
  const file = path.resolve(dataDir, "emulator", "signing-key.json");
  if (!existsSync(file)) {
    const pair = await generateKeyPair("RS256", { extractable: true });
    const privateJwk = { ...(await exportJWK(pair.privateKey)), kid: randomUUID().replace(/-/g, "") };
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, JSON.stringify(privateJwk), { mode: 0o600 });
  }
  const privateJwk = JSON.parse(await readFile(file, "utf8")) as JWK & { kid: string };
  const { kty, n, e, kid } = privateJwk;
  const publicJwk: JWK = { kty, n, e, kid, use: "sig", alg: "RS256" };
  const privateKey = (await importJWK(privateJwk, "RS256")) as CryptoKey;
  const publicKey = (await importJWK(publicJwk, "RS256")) as CryptoKey;
  return { kid, privateKey, publicKey, publicJwk };
}
