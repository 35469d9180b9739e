import { createServer, type Server } from "node:https";
import type { AddressInfo } from "node:net";
import forge from "node-forge";
import { generateKeyPair, jwtVerify, SignJWT, type CryptoKey } from "jose";
import {
  aksServerApplicationId,
  kubernetesServerUrl,
  type AzureSideForKubernetes,
  type ClusterKey,
  type EmulatedClusterView,
  type EmulatedRoleAssignment,
  type EntraIdentity,
  type KubernetesSide,
} from "../../contracts";
import { createKubernetesSide } from "../kubernetes-side";
import { aksRoleDefinitions } from "./aks-roles";

/**
 * The Kubernetes side served on its own, for tests: a throw-away self-signed certificate, an
 * in-memory Azure side built from plain data and Entra-shaped tokens signed here.
 */
export type StandaloneWorld = {
  tenantId: string;
  clusters: EmulatedClusterView[];
  roleAssignments: EmulatedRoleAssignment[];
  users: Record<string, EntraIdentity>;
};

export type StandaloneServer = {
  url: string;
  caPem: string;
  side: KubernetesSide;
  world: StandaloneWorld;
  serverUrl(cluster: ClusterKey): string;
  token(user: EntraIdentity, options?: { audience?: string; expiresIn?: string }): Promise<string>;
  close(): Promise<void>;
};

function selfSignedCertificate(): { key: string; cert: string } {
  const keys = forge.pki.rsa.generateKeyPair(2048);
  const cert = forge.pki.createCertificate();
  cert.publicKey = keys.publicKey;
  cert.serialNumber = "01";
  cert.validity.notBefore = new Date(Date.now() - 60_000);
  cert.validity.notAfter = new Date(Date.now() + 24 * 3600_000);
  const attrs = [{ name: "commonName", value: "localhost" }];
  cert.setSubject(attrs);
  cert.setIssuer(attrs);
  cert.setExtensions([
    { name: "basicConstraints", cA: true },
    { name: "subjectAltName", altNames: [{ type: 2, value: "localhost" }, { type: 7, ip: "127.0.0.1" }] },
  ]);
  cert.sign(keys.privateKey, forge.md.sha256.create());
  return { key: forge.pki.privateKeyToPem(keys.privateKey), cert: forge.pki.certificateToPem(cert) };
}

function affects(scope: string, clusterResourceId: string): boolean {
  const s = scope.toLowerCase();
  const cluster = clusterResourceId.toLowerCase();
  return cluster === s || cluster.startsWith(`${s}/`) || s.startsWith(`${cluster}/namespaces/`);
}

function inMemoryAzure(world: StandaloneWorld, publicKey: CryptoKey): AzureSideForKubernetes {
  const issuer = `https://login.microsoftonline.com/${world.tenantId}/v2.0`;
  return {
    async authenticate(token) {
      try {
        const { payload } = await jwtVerify(token, publicKey, { audience: aksServerApplicationId, issuer });
        const user = Object.values(world.users).find((candidate) => candidate.objectId === payload.oid);
        return user ?? null;
      } catch {
        return null;
      }
    },
    cluster: (key) =>
      world.clusters.find(
        (cluster) =>
          cluster.subscriptionId === key.subscriptionId && cluster.resourceGroup.toLowerCase() === key.resourceGroup.toLowerCase() && cluster.name === key.name,
      ),
    listClusters: () => world.clusters,
    roleAssignmentsAffecting: (clusterResourceId, principalIds) =>
      world.roleAssignments.filter((assignment) => principalIds.includes(assignment.principalId) && affects(assignment.scope, clusterResourceId)),
    roleDefinition: (guid) => aksRoleDefinitions.find((role) => role.guid === guid),
  };
}

export async function startStandaloneServer(world: StandaloneWorld): Promise<StandaloneServer> {
  const { privateKey, publicKey } = await generateKeyPair("RS256");
  const side = createKubernetesSide(inMemoryAzure(world, publicKey));
  const { key, cert } = selfSignedCertificate();
  const server: Server = createServer({ key, cert }, (request, response) => {
    const match = /^\/k8s\/([^/]+)\/([^/]+)\/([^/?]+)(.*)$/.exec(request.url ?? "");
    if (!match) {
      response.writeHead(404).end();
      return;
    }
    const [, subscriptionId = "", resourceGroup = "", name = "", rest = ""] = match;
    const clusterKey = { subscriptionId: decodeURIComponent(subscriptionId), resourceGroup: decodeURIComponent(resourceGroup), name: decodeURIComponent(name) };
    void side.handle(request, response, clusterKey, rest.startsWith("/") ? rest : `/${rest}`);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `https://localhost:${(server.address() as AddressInfo).port}`;
  return {
    url,
    caPem: cert,
    side,
    world,
    serverUrl: (cluster) => kubernetesServerUrl(url, cluster),
    token: (user, options = {}) =>
      new SignJWT({ oid: user.objectId, tid: world.tenantId, preferred_username: user.userPrincipalName, groups: user.groups, ver: "2.0" })
        .setProtectedHeader({ alg: "RS256", kid: "test" })
        .setIssuer(`https://login.microsoftonline.com/${world.tenantId}/v2.0`)
        .setAudience(options.audience ?? aksServerApplicationId)
        .setIssuedAt()
        .setExpirationTime(options.expiresIn ?? "1h")
        .sign(privateKey),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
