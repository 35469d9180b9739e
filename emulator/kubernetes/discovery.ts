import type { EmulatedClusterView } from "../contracts";
import type { Json, JsonObject } from "./json";
import { groupVersion, resourceTypes, servedGroupVersions, type ResourceType } from "./resources";

/** Legacy discovery documents, as `/api`, `/apis` and each group version serve them. */
export function versionInfo(cluster: EmulatedClusterView): JsonObject {
  const [major = "1", minor = "0"] = cluster.kubernetesVersion.split(".");
  return {
    major,
    minor,
    gitVersion: `v${cluster.kubernetesVersion}`,
    gitCommit: "0000000000000000000000000000000000000000",
    gitTreeState: "clean",
    buildDate: "2025-01-01T00:00:00Z",
    goVersion: "go1.23.4",
    compiler: "gc",
    platform: "linux/amd64",
  };
}

export function apiVersions(serverAddress: string): JsonObject {
  return { kind: "APIVersions", versions: ["v1"], serverAddressByClientCIDRs: [{ clientCIDR: "0.0.0.0/0", serverAddress }] };
}

function apiGroup(name: string): JsonObject {
  const versions = servedGroupVersions()
    .filter((gv) => gv.group === name)
    .map((gv) => ({ groupVersion: groupVersion(gv), version: gv.version }));
  return { name, versions, preferredVersion: versions[0] ?? null };
}

function groupNames(): string[] {
  return [...new Set(servedGroupVersions().map((gv) => gv.group))].filter((group) => group !== "");
}

export function apiGroupList(): JsonObject {
  return { kind: "APIGroupList", apiVersion: "v1", groups: groupNames().map(apiGroup) };
}

export function apiGroupDocument(name: string): JsonObject | undefined {
  if (!groupNames().includes(name)) return undefined;
  return { kind: "APIGroup", apiVersion: "v1", ...apiGroup(name) };
}

function resourceEntry(type: ResourceType): JsonObject {
  const entry: JsonObject = { name: type.resource, singularName: type.singularName, namespaced: type.namespaced, kind: type.kind, verbs: type.verbs };
  if (type.shortNames) entry.shortNames = type.shortNames;
  return entry;
}

export function apiResourceList(group: string, version: string): JsonObject | undefined {
  const types = resourceTypes.filter((type) => type.group === group && type.version === version);
  if (types.length === 0) return undefined;
  const list: JsonObject = { kind: "APIResourceList", groupVersion: groupVersion({ group, version }), resources: types.map(resourceEntry) };
  // The core group's list carries no apiVersion; the named groups' lists do.
  return group ? { kind: "APIResourceList", apiVersion: "v1", groupVersion: list.groupVersion ?? null, resources: list.resources ?? [] } : list;
}

/**
 * Aggregated discovery (KEP-3352), which kubectl ≥1.26 asks for first:
 * `Accept: application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList`.
 */
export const aggregatedDiscoveryType = "application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList";

export function wantsAggregatedDiscovery(accept: string | undefined): boolean {
  const first = (accept ?? "").split(",")[0]?.replace(/\s/g, "") ?? "";
  return first.includes("g=apidiscovery.k8s.io") && first.includes("v=v2;") && first.includes("as=APIGroupDiscoveryList");
}

function discoveryResource(type: ResourceType): JsonObject {
  const entry: JsonObject = {
    resource: type.resource,
    responseKind: { group: type.group, version: type.version, kind: type.kind },
    scope: type.namespaced ? "Namespaced" : "Cluster",
    singularResource: type.singularName,
    verbs: type.verbs,
  };
  if (type.shortNames) entry.shortNames = type.shortNames;
  return entry;
}

export function aggregatedDiscovery(legacyCore: boolean): JsonObject {
  const groups = legacyCore ? [""] : groupNames();
  const metadataOf = (group: string): JsonObject => (group ? { name: group, creationTimestamp: null } : { creationTimestamp: null });
  const items: Json[] = groups.map((group) => ({
    metadata: metadataOf(group),
    versions: servedGroupVersions()
      .filter((gv) => gv.group === group)
      .map((gv) => ({
        version: gv.version,
        resources: resourceTypes.filter((type) => type.group === group && type.version === gv.version).map(discoveryResource),
        freshness: "Current",
      })),
  }));
  return { kind: "APIGroupDiscoveryList", apiVersion: "apidiscovery.k8s.io/v2", metadata: {}, items };
}
