import { randomUUID } from "node:crypto";
import { decodeJwt, generateKeyPair, jwtVerify, SignJWT, type CryptoKey, type JWTPayload } from "jose";
import type { EmulatorState, FederatedCredential, ServicePrincipal } from "../state";

/**
 * Azure workload identity, both halves: the clusters' OIDC issuers, which sign the service-account
 * tokens the kubelet projects into a pod (here minted on request, in place of the kubelet), and
 * Entra ID's side, which accepts such a token as a client assertion when the app registration has a
 * federated identity credential for its issuer, subject and audience.
 *
 * Entra fetches a real issuer's discovery document and keys over the internet; the emulated issuers'
 * URLs (`https://<region>.oic.prod-aks.azure.com/…`, as AKS reports them) are not served, so the
 * emulator checks the signature with the key it signs with. One key stands for every cluster's issuer.
 */
export const tokenExchangeAudience = "api://AzureADTokenExchange";
export const clientAssertionType = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";

export type ServiceAccountTokenRequest = { issuer: string; namespace: string; serviceAccount: string; audience?: string; lifetimeSeconds?: number };

export type WorkloadIdentityIssuers = {
  mint(request: ServiceAccountTokenRequest): Promise<string>;
  /** The verified claims of a token one of the emulated issuers signed, or why it is not one. */
  verify(token: string, issuers: readonly string[]): Promise<{ ok: true; claims: JWTPayload } | { ok: false; code: number; description: string }>;
};

export async function createWorkloadIdentityIssuers(): Promise<WorkloadIdentityIssuers> {
  const pair = await generateKeyPair("RS256");
  const kid = randomUUID().replace(/-/g, "");
  const privateKey: CryptoKey = pair.privateKey;
  return {
    async mint({ issuer, namespace, serviceAccount, audience = tokenExchangeAudience, lifetimeSeconds = 3600 }) {
      const now = Math.floor(Date.now() / 1000);
      return new SignJWT({ "kubernetes.io": { namespace, serviceaccount: { name: serviceAccount, uid: randomUUID() } } })
        .setProtectedHeader({ alg: "RS256", kid })
        .setIssuer(issuer)
        .setSubject(`system:serviceaccount:${namespace}:${serviceAccount}`)
        .setAudience([audience])
        .setIssuedAt(now)
        .setNotBefore(now)
        .setExpirationTime(now + lifetimeSeconds)
        .sign(privateKey);
    },
    async verify(token, issuers) {
      let unverified: JWTPayload;
      try {
        unverified = decodeJwt(token);
      } catch {
        return { ok: false, code: 50027, description: "AADSTS50027: JWT token is invalid or malformed." };
      }
      if (!issuers.includes(unverified.iss ?? "")) {
        // Entra would fetch the issuer's keys; an issuer it cannot read fails validation.
        return { ok: false, code: 700211, description: `AADSTS700211: No matching federated identity record found for presented assertion issuer '${unverified.iss ?? ""}'. Please note that the matching is done using a case-sensitive comparison. Check your federated identity credential Subject, Audience and Issuer against the presented assertion.` };
      }
      try {
        const { payload } = await jwtVerify(token, pair.publicKey, { clockTolerance: 0 });
        return { ok: true, claims: payload };
      } catch (error) {
        const expired = error instanceof Error && /exp/.test(error.message);
        return expired
          ? { ok: false, code: 700024, description: `AADSTS700024: Client assertion is not within its valid time range. Current time: ${new Date().toISOString()}, expiry time of assertion ${new Date((unverified.exp ?? 0) * 1000).toISOString()}.` }
          : { ok: false, code: 50013, description: "AADSTS50013: Assertion failed signature validation. [Reason - The key was not found.]" };
      }
    },
  };
}

/** The emulated clusters' OIDC issuer URLs, from their ARM resources. */
export function clusterIssuers(state: EmulatorState): string[] {
  return state.clusters.flatMap((cluster) => (cluster.resource.properties.oidcIssuerProfile?.issuerURL ? [cluster.resource.properties.oidcIssuerProfile.issuerURL] : []));
}

/** Entra's matching: issuer and subject exactly (case-sensitive), and the credential's audience in the token's. */
export function matchingFederatedCredential(application: ServicePrincipal, claims: JWTPayload): FederatedCredential | undefined {
  const audiences = Array.isArray(claims.aud) ? claims.aud : claims.aud ? [claims.aud] : [];
  return (application.federatedCredentials ?? []).find(
    (credential) => credential.issuer === claims.iss && credential.subject === claims.sub && credential.audiences.some((audience) => audiences.includes(audience)),
  );
}
