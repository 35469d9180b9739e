import { dump, load } from "js-yaml";
import type { Exchange } from "../http/exchange";
import type { Runtime } from "../runtime";
import { findCluster, type ClusterRecord, type ManagedNamespaceRecord, type ManagedNamespaceWire } from "../state";
import { newEtag } from "./derived-fields";
import { ArmError, armErrors, isRecord, parseJsonBody, sendArm } from "./errors";
import { kubeconfigFor } from "./kubeconfig";
import { operationPath, retryAfter } from "./operations";
import { page } from "./paging";
import type { ClusterAddress } from "./managed-clusters";

/**
 * managedClusters/{c}/managedNamespaces/{ns} (AKS API 2025-09-01 and later; examples in
 * azure-rest-api-specs containerservice/…/ManagedNamespaces*.json). PUT and DELETE are long-running
 * like the cluster's; the namespace, its default quota and network policy are written to the cluster's
 * emulated API server when the PUT is accepted. Only clusters with Azure RBAC offer them, as in AKS.
 */
const resourceType = "Microsoft.ContainerService/managedClusters/managedNamespaces";
const policyRules = ["DenyAll", "AllowAll", "AllowSameNamespace"];
const adoptionPolicies = ["Never", "IfIdentical", "Always"];
const deletePolicies = ["Keep", "Delete"];
// AKS refuses to manage its own namespaces (docs: "Trying to on-board system namespaces … isn't allowed").
const systemNamespaces = /^(kube-.*|default|gatekeeper-system|app-routing-system|istio-system|calico-system|tigera-operator|aks-.*)$/;

function clusterOf(runtime: Runtime, address: ClusterAddress): ClusterRecord {
  const cluster = findCluster(runtime.state(), address.subscriptionId, address.resourceGroup, address.name);
  if (!cluster) throw armErrors.resourceNotFound("Microsoft.ContainerService/managedClusters", address.name, address.resourceGroup);
  return cluster;
}

const keyOf = (cluster: ClusterRecord) => ({ subscriptionId: cluster.subscriptionId, resourceGroup: cluster.resourceGroup, name: cluster.resource.name });

function recordOf(runtime: Runtime, cluster: ClusterRecord, name: string): ManagedNamespaceRecord | undefined {
  const clusterId = cluster.resource.id.toLowerCase();
  return runtime.state().managedNamespaces.find((record) => record.clusterId === clusterId && record.resource.name === name);
}

function requireRecord(runtime: Runtime, cluster: ClusterRecord, name: string): ManagedNamespaceRecord {
  const record = recordOf(runtime, cluster, name);
  if (!record) throw armErrors.resourceNotFound(`${resourceType}`, `${cluster.resource.name}/${name}`, cluster.resourceGroup);
  return record;
}

function namespacesOf(runtime: Runtime) {
  if (!runtime.namespaces) throw new ArmError(400, "BadRequest", "The emulator runs without its Kubernetes side: managed namespaces are not available.");
  return runtime.namespaces;
}

function strings(value: unknown, field: string): Record<string, string> {
  if (value === undefined || value === null) return {};
  if (!isRecord(value) || Object.values(value).some((entry) => typeof entry !== "string")) throw new ArmError(400, "InvalidParameter", `properties.${field} must be an object of strings.`, `properties.${field}`);
  return value as Record<string, string>;
}

function oneOf(value: unknown, allowed: string[], fallback: string, field: string): string {
  if (value === undefined || value === null) return fallback;
  if (typeof value !== "string" || !allowed.includes(value)) throw new ArmError(400, "InvalidParameter", `The value '${String(value)}' of properties.${field} is invalid. Allowed values are ${allowed.join(", ")}.`, `properties.${field}`);
  return value;
}

/** The default quota's four figures as Kubernetes quota names; ARM leaves out what the body leaves out. */
function quotaHard(quota: ManagedNamespaceWire["properties"]["defaultResourceQuota"]): Record<string, string> | null {
  if (!quota) return null;
  const hard: Record<string, string> = {};
  if (quota.cpuRequest) hard["requests.cpu"] = quota.cpuRequest;
  if (quota.cpuLimit) hard["limits.cpu"] = quota.cpuLimit;
  if (quota.memoryRequest) hard["requests.memory"] = quota.memoryRequest;
  if (quota.memoryLimit) hard["limits.memory"] = quota.memoryLimit;
  return Object.keys(hard).length > 0 ? hard : null;
}

function startOperation(exchange: Exchange, runtime: Runtime, cluster: ClusterRecord, resourceId: string, kind: "write" | "delete"): Record<string, string> {
  const operation = runtime.operations.start({
    subscriptionId: cluster.subscriptionId, location: cluster.resource.location, clusterId: resourceId, kind,
    durationMs: runtime.settings.lroDurationMs, failure: runtime.faults.takeOperationFailure(exchange.method, exchange.path),
  });
  const url = (path: string) => `${runtime.baseUrl()}${path}?api-version=${exchange.url.searchParams.get("api-version") ?? ""}`;
  return {
    "azure-asyncoperation": url(operationPath(operation, "operations")),
    ...(kind === "delete" ? { location: url(operationPath(operation, "operationresults")) } : {}),
    "retry-after": retryAfter(operation),
  };
}

export function listManagedNamespaces(exchange: Exchange, runtime: Runtime, address: ClusterAddress): void {
  const cluster = clusterOf(runtime, address);
  const clusterId = cluster.resource.id.toLowerCase();
  const items = runtime.state().managedNamespaces.filter((record) => record.clusterId === clusterId).map((record) => record.resource);
  sendArm(exchange, 200, page(exchange, runtime.baseUrl(), items, runtime.settings.armPageSize));
}

export function getManagedNamespace(exchange: Exchange, runtime: Runtime, address: ClusterAddress, name: string): void {
  sendArm(exchange, 200, requireRecord(runtime, clusterOf(runtime, address), name).resource);
}

/** Whether an existing namespace already carries every label and annotation the managed namespace sets. */
function identical(existing: { labels: Record<string, string>; annotations: Record<string, string> }, labels: Record<string, string>, annotations: Record<string, string>): boolean {
  return Object.entries(labels).every(([key, value]) => existing.labels[key] === value) && Object.entries(annotations).every(([key, value]) => existing.annotations[key] === value);
}

export async function putManagedNamespace(exchange: Exchange, runtime: Runtime, address: ClusterAddress, name: string): Promise<void> {
  const body = parseJsonBody(await exchange.body());
  const cluster = clusterOf(runtime, address);
  if (cluster.resource.properties.aadProfile?.enableAzureRBAC !== true) {
    throw new ArmError(400, "BadRequest", "Managed namespaces require a cluster with Azure RBAC for Kubernetes authorization enabled.");
  }
  if (!/^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/.test(name) || systemNamespaces.test(name)) {
    throw new ArmError(400, "InvalidParameter", `The managed namespace name '${name}' is invalid: it must be a DNS-1123 label and not a system namespace.`, "managedNamespaceName");
  }
  if (!isRecord(body)) throw armErrors.invalidJson("Expected a JSON object");
  const current = recordOf(runtime, cluster, name);
  if (current && runtime.operations.inProgressFor(current.resource.id)) throw armErrors.anotherOperationInProgress(current.resource.properties.provisioningState);
  const input = isRecord(body.properties) ? body.properties : {};
  const labels = strings(input.labels, "labels");
  const annotations = strings(input.annotations, "annotations");
  const policy = isRecord(input.defaultNetworkPolicy) ? input.defaultNetworkPolicy : {};
  const networkPolicy = { ingress: oneOf(policy.ingress, policyRules, "AllowSameNamespace", "defaultNetworkPolicy.ingress"), egress: oneOf(policy.egress, policyRules, "AllowAll", "defaultNetworkPolicy.egress") };
  const adoptionPolicy = oneOf(input.adoptionPolicy, adoptionPolicies, "Never", "adoptionPolicy");
  const deletePolicy = oneOf(input.deletePolicy, deletePolicies, "Keep", "deletePolicy");
  const quota = isRecord(input.defaultResourceQuota) ? (strings(input.defaultResourceQuota, "defaultResourceQuota") as ManagedNamespaceWire["properties"]["defaultResourceQuota"]) : undefined;

  const namespaces = namespacesOf(runtime);
  const existing = current ? null : namespaces.read(keyOf(cluster), name);
  // Adoption decides only when ARM does not manage the namespace yet. The wording is the emulator's:
  // Azure's exact message for this refusal is not in the public spec.
  if (existing && adoptionPolicy === "Never") {
    throw new ArmError(409, "NamespaceAlreadyExists", `Namespace '${name}' already exists on the cluster and the adoption policy is Never: it was not adopted. Use IfIdentical or Always to adopt it.`, "properties.adoptionPolicy");
  }
  if (existing && adoptionPolicy === "IfIdentical" && !identical(existing, labels, annotations)) {
    throw new ArmError(409, "NamespaceNotIdentical", `Namespace '${name}' already exists on the cluster with different labels or annotations, and the adoption policy is IfIdentical: it was not adopted.`, "properties.adoptionPolicy");
  }
  namespaces.apply(keyOf(cluster), { name, labels, annotations, quota: quotaHard(quota), networkPolicy });

  const resource: ManagedNamespaceWire = {
    id: current?.resource.id ?? `${cluster.resource.id}/managedNamespaces/${name}`,
    name, type: resourceType,
    location: typeof body.location === "string" ? body.location : cluster.resource.location,
    tags: isRecord(body.tags) ? (body.tags as Record<string, string>) : (current?.resource.tags ?? {}),
    eTag: newEtag(),
    properties: {
      provisioningState: current ? "Updating" : "Creating",
      labels, annotations, ...(quota ? { defaultResourceQuota: quota } : {}), defaultNetworkPolicy: networkPolicy, adoptionPolicy, deletePolicy,
      portalFqdn: cluster.resource.properties.azurePortalFQDN,
    },
  };
  const record: ManagedNamespaceRecord = { clusterId: cluster.resource.id.toLowerCase(), resource };
  const state = runtime.state();
  state.managedNamespaces = current ? state.managedNamespaces.map((candidate) => (candidate === current ? record : candidate)) : [...state.managedNamespaces, record];
  sendArm(exchange, current ? 200 : 201, resource, startOperation(exchange, runtime, cluster, resource.id, "write"));
}

/** PATCH changes only the tags, synchronously (200 with the resource, as ManagedNamespacesUpdateTags.json shows). */
export async function patchManagedNamespaceTags(exchange: Exchange, runtime: Runtime, address: ClusterAddress, name: string): Promise<void> {
  const body = parseJsonBody(await exchange.body());
  const record = requireRecord(runtime, clusterOf(runtime, address), name);
  if (!isRecord(body)) throw armErrors.invalidJson("Expected a JSON object");
  record.resource.tags = strings(body.tags, "tags");
  record.resource.eTag = newEtag();
  sendArm(exchange, 200, record.resource);
}

export function deleteManagedNamespace(exchange: Exchange, runtime: Runtime, address: ClusterAddress, name: string): void {
  const cluster = clusterOf(runtime, address);
  const record = recordOf(runtime, cluster, name);
  if (!record) return sendArm(exchange, 204, undefined);
  if (runtime.operations.inProgressFor(record.resource.id)) throw armErrors.anotherOperationInProgress(record.resource.properties.provisioningState);
  namespacesOf(runtime).release(keyOf(cluster), name, record.resource.properties.deletePolicy === "Delete" ? "Delete" : "Keep");
  record.resource.properties.provisioningState = "Deleting";
  sendArm(exchange, 202, undefined, startOperation(exchange, runtime, cluster, record.resource.id, "delete"));
}

/** A kubeconfig for the cluster whose context defaults to the namespace. */
export function listManagedNamespaceCredential(exchange: Exchange, runtime: Runtime, address: ClusterAddress, name: string): void {
  const cluster = clusterOf(runtime, address);
  requireRecord(runtime, cluster, name);
  const config = load(kubeconfigFor(cluster, runtime.baseUrl(), runtime.caPem, "clusterUser", "exec")) as { contexts: Array<{ context: Record<string, unknown> }> };
  for (const entry of config.contexts) entry.context.namespace = name;
  const kubeconfig = dump(config);
  sendArm(exchange, 200, { kubeconfigs: [{ name: "clusterUser", value: Buffer.from(kubeconfig).toString("base64") }] });
}
