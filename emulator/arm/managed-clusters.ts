import type { Exchange } from "../http/exchange";
import type { Runtime } from "../runtime";
import { findCluster, type ClusterRecord, type ManagedClusterWire } from "../state";
import { validateClusterName, validateClusterProperties } from "./cluster-validation";
import { newEtag, withDerivedFields } from "./derived-fields";
import { ArmError, armErrors, isRecord, parseJsonBody, sendArm } from "./errors";
import { kubeconfigFor, type KubeconfigFormat } from "./kubeconfig";
import { operationPath, retryAfter } from "./operations";
import { page } from "./paging";
import { checkPreconditions } from "./preconditions";
import { findResourceGroup, findSubscription } from "./subscriptions";

/** Microsoft.ContainerService/managedClusters: list, get, PUT, PATCH (tags), DELETE and the credential actions. */
export type ClusterAddress = { subscriptionId: string; resourceGroup: string; name: string };
const resourceType = "Microsoft.ContainerService/managedClusters";

function existing(runtime: Runtime, address: ClusterAddress): ClusterRecord | undefined {
  findResourceGroup(runtime, address.subscriptionId, address.resourceGroup);
  return findCluster(runtime.state(), address.subscriptionId, address.resourceGroup, address.name);
}

function requireCluster(runtime: Runtime, address: ClusterAddress): ClusterRecord {
  const cluster = existing(runtime, address);
  if (!cluster) throw armErrors.resourceNotFound(resourceType, address.name, address.resourceGroup);
  return cluster;
}

function preconditions(exchange: Exchange, method: "PUT" | "PATCH" | "DELETE", cluster: ClusterRecord | undefined): void {
  const error = checkPreconditions({ method, ifMatch: exchange.header("if-match"), ifNoneMatch: exchange.header("if-none-match"), currentEtag: cluster?.resource.eTag });
  if (error) throw error;
}

function refuseWhileBusy(runtime: Runtime, cluster: ClusterRecord | undefined): void {
  if (cluster && runtime.operations.inProgressFor(cluster.resource.id)) throw armErrors.anotherOperationInProgress(cluster.resource.properties.provisioningState);
}

/**
 * Starts the LRO and returns the headers pointing at it (absolute https URLs, WIRE-PROTOCOLS §1):
 * Azure-AsyncOperation and Retry-After always, Location on the 202s (PATCH, DELETE) as the AKS spec declares.
 */
function startOperation(exchange: Exchange, runtime: Runtime, cluster: ClusterRecord, kind: "write" | "delete", withLocation: boolean): Record<string, string> {
  const operation = runtime.operations.start({
    subscriptionId: cluster.subscriptionId, location: cluster.resource.location, clusterId: cluster.resource.id, kind,
    durationMs: runtime.settings.lroDurationMs, failure: runtime.faults.takeOperationFailure(exchange.method, exchange.path),
  });
  const apiVersion = exchange.url.searchParams.get("api-version") ?? "";
  const url = (path: string) => `${runtime.baseUrl()}${path}?api-version=${apiVersion}`;
  return {
    "azure-asyncoperation": url(operationPath(operation, "operations")),
    ...(withLocation ? { location: url(operationPath(operation, "operationresults")) } : {}),
    "retry-after": retryAfter(operation),
  };
}

export function listClusters(exchange: Exchange, runtime: Runtime, subscriptionId: string, resourceGroup?: string): void {
  findSubscription(runtime, subscriptionId);
  if (resourceGroup) findResourceGroup(runtime, subscriptionId, resourceGroup);
  const clusters = runtime.state().clusters
    .filter((c) => c.subscriptionId.toLowerCase() === subscriptionId.toLowerCase())
    .filter((c) => !resourceGroup || c.resourceGroup.toLowerCase() === resourceGroup.toLowerCase())
    .map((c) => c.resource);
  sendArm(exchange, 200, page(exchange, runtime.baseUrl(), clusters, runtime.settings.armPageSize));
}

export function getCluster(exchange: Exchange, runtime: Runtime, address: ClusterAddress): void {
  sendArm(exchange, 200, requireCluster(runtime, address).resource);
}

export async function putCluster(exchange: Exchange, runtime: Runtime, address: ClusterAddress): Promise<void> {
  const body = parseJsonBody(await exchange.body());
  const nameError = validateClusterName(address.name);
  if (nameError) throw nameError;
  const current = existing(runtime, address);
  preconditions(exchange, "PUT", current);
  refuseWhileBusy(runtime, current);
  if (!isRecord(body)) throw armErrors.invalidJson("Expected a JSON object");
  const properties = isRecord(body.properties) ? (body.properties as ManagedClusterWire["properties"]) : {};
  const location = typeof body.location === "string" ? body.location.replace(/\s+/g, "").toLowerCase() : current?.resource.location;
  if (!location) throw new ArmError(400, "LocationRequired", "The location property is required for this definition.");
  // AKS keeps what an update leaves out; the SDK sends back only the writable fields it knows.
  const merged = { ...current?.resource.properties, ...properties };
  keepReadOnlyNetworkFields(merged, current?.resource.properties);
  const validation = validateClusterProperties(merged, !current);
  if (validation) throw validation;
  const group = findResourceGroup(runtime, address.subscriptionId, address.resourceGroup);
  const name = current?.resource.name ?? address.name;
  const resource = withDerivedFields(
    {
      ...(current?.resource ?? {}),
      id: current?.resource.id ?? `/subscriptions/${address.subscriptionId}/resourceGroups/${group.name}/providers/${resourceType}/${name}`,
      name, type: "Microsoft.ContainerService/ManagedClusters", location: current?.resource.location ?? location,
      tags: isRecord(body.tags) ? (body.tags as Record<string, string>) : (current?.resource.tags ?? {}),
      eTag: newEtag(),
      sku: isRecord(body.sku) ? (body.sku as ManagedClusterWire["sku"]) : (current?.resource.sku ?? { name: "Base", tier: "Free" }),
      identity: isRecord(body.identity) ? (body.identity as ManagedClusterWire["identity"]) : (current?.resource.identity ?? { type: "SystemAssigned" }),
      properties: merged,
    },
    { resourceGroup: group.name, tenantId: runtime.state().tenantId, provisioningState: current ? "Updating" : "Creating" },
  );
  const record: ClusterRecord = { subscriptionId: current?.subscriptionId ?? address.subscriptionId, resourceGroup: group.name, resource };
  const state = runtime.state();
  state.clusters = current ? state.clusters.map((c) => (c === current ? record : c)) : [...state.clusters, record];
  sendArm(exchange, current ? 200 : 201, resource, startOperation(exchange, runtime, record, "write", false));
}

export async function patchClusterTags(exchange: Exchange, runtime: Runtime, address: ClusterAddress): Promise<void> {
  const body = parseJsonBody(await exchange.body());
  const cluster = requireCluster(runtime, address);
  preconditions(exchange, "PATCH", cluster);
  refuseWhileBusy(runtime, cluster);
  if (!isRecord(body)) throw armErrors.invalidJson("Expected a JSON object");
  if (body.tags !== undefined && !isRecord(body.tags)) throw new ArmError(400, "InvalidParameter", "Tags must be an object of strings.", "tags");
  cluster.resource.tags = isRecord(body.tags) ? (body.tags as Record<string, string>) : cluster.resource.tags;
  cluster.resource.eTag = newEtag();
  cluster.resource.properties.provisioningState = "Updating";
  for (const pool of cluster.resource.properties.agentPoolProfiles ?? []) pool.eTag = cluster.resource.eTag;
  sendArm(exchange, 202, undefined, startOperation(exchange, runtime, cluster, "write", true));
}

export function deleteCluster(exchange: Exchange, runtime: Runtime, address: ClusterAddress): void {
  const cluster = existing(runtime, address);
  preconditions(exchange, "DELETE", cluster);
  if (!cluster) return sendArm(exchange, 204, undefined);
  refuseWhileBusy(runtime, cluster);
  cluster.resource.properties.provisioningState = "Deleting";
  sendArm(exchange, 202, undefined, startOperation(exchange, runtime, cluster, "delete", true));
}

export function listCredential(exchange: Exchange, runtime: Runtime, address: ClusterAddress, account: "clusterUser" | "clusterAdmin"): void {
  const cluster = requireCluster(runtime, address);
  if (account === "clusterAdmin" && cluster.resource.properties.disableLocalAccounts) {
    throw new ArmError(400, "BadRequest", "Getting static credential is not allowed because this cluster is set to disable local accounts.");
  }
  const value = Buffer.from(kubeconfigFor(cluster, runtime.baseUrl(), runtime.caPem, account, kubeconfigFormat(exchange))).toString("base64");
  sendArm(exchange, 200, { kubeconfigs: [{ name: account, value }] });
}

/** `format` (exec | azure, for Entra clusters) as the spec defines it; `server-fqdn` is not emulated. */
function kubeconfigFormat(exchange: Exchange): KubeconfigFormat {
  const format = exchange.url.searchParams.get("format");
  if (exchange.url.searchParams.has("server-fqdn")) {
    throw new ArmError(400, "InvalidParameter", "The emulator does not serve the server-fqdn parameter.", "server-fqdn");
  }
  if (format === null || format === "exec" || format === "azure") return format ?? "exec";
  throw new ArmError(400, "InvalidParameter", `The value '${format}' of parameter 'format' is invalid. Allowed values are 'azure' and 'exec'.`, "format");
}

/**
 * The load balancer's effective outbound IPs are read-only (AKS computes them), so the SDK leaves
 * them out of a PUT body; AKS keeps reporting them after an update, and so must the emulator.
 */
function keepReadOnlyNetworkFields(merged: ManagedClusterWire["properties"], previous: ManagedClusterWire["properties"] | undefined): void {
  const before = previous?.networkProfile?.loadBalancerProfile;
  const after = merged.networkProfile?.loadBalancerProfile;
  if (!before || !merged.networkProfile || !("effectiveOutboundIPs" in before)) return;
  merged.networkProfile = { ...merged.networkProfile, loadBalancerProfile: { ...after, effectiveOutboundIPs: before.effectiveOutboundIPs } };
}
