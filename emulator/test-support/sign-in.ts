import { createHash, randomBytes } from "node:crypto";
import { ConfidentialClientApplication } from "@azure/msal-node";
import { localDemoOrganisation } from "../../lib/config/local-mode";
import { openIdConfiguration } from "../entra/router";
import { demoPassword } from "../seed/organisation";
import type { Emulator } from "../index";

/**
 * MSAL configured for the emulator without any discovery call (WIRE-PROTOCOLS §4: authorityMetadata
 * and cloudDiscoveryMetadata given), and a headless sign-in that posts the emulator's form.
 */
export function msalForEmulator(emulator: Pick<Emulator, "url" | "endpoints">): ConfidentialClientApplication {
  const host = new URL(emulator.url).host;
  const tenantId = emulator.endpoints.tenantId;
  return new ConfidentialClientApplication({
    auth: {
      clientId: localDemoOrganisation.clientId,
      clientSecret: localDemoOrganisation.clientSecret,
      authority: `${emulator.url}/${tenantId}`,
      knownAuthorities: [host],
      authorityMetadata: JSON.stringify(openIdConfiguration(emulator.url, tenantId)),
      cloudDiscoveryMetadata: JSON.stringify({
        tenant_discovery_endpoint: emulator.endpoints.openIdConfiguration,
        "api-version": "1.1",
        metadata: [{ preferred_network: host, preferred_cache: host, aliases: [host] }],
      }),
    },
  });
}

export function pkcePair(): { verifier: string; challenge: string } {
  const verifier = randomBytes(32).toString("base64url");
  return { verifier, challenge: createHash("sha256").update(verifier).digest("base64url") };
}

/** Loads the sign-in page at `authorizeUrl`, posts the username/password form, returns the redirect target. */
export async function signInHeadlessly(authorizeUrl: string, username: string, password = demoPassword): Promise<URL> {
  const page = await fetch(authorizeUrl);
  const html = await page.text();
  const pending = /name="pending" value="([^"]+)"/.exec(html)?.[1];
  if (!page.ok || !pending) throw new Error(`sign-in page failed (${page.status}): ${html.slice(0, 300)}`);
  const response = await fetch(authorizeUrl, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ pending, username, password }),
  });
  const location = response.headers.get("location");
  if (response.status !== 302 || !location) throw new Error(`sign-in did not redirect (${response.status}): ${(await response.text()).slice(0, 300)}`);
  return new URL(location);
}
