import { createHash } from "node:crypto";
import { isJsonObject, type JsonObject } from "../json";
import type { ResourceType } from "../resources";
import { metadataOf, nameOf } from "./objects";

/** What the real registry strategies fill in on create (PrepareForCreate and defaulting). */
export function applyCreateDefaults(type: ResourceType, object: JsonObject): void {
  const metadata = metadataOf(object);
  if (type.resource === "namespaces") {
    // Since 1.21 every namespace carries this immutable label (NamespaceDefaultLabelName).
    metadata.labels = { ...(isJsonObject(metadata.labels) ? metadata.labels : {}), "kubernetes.io/metadata.name": nameOf(object) };
    object.spec = { finalizers: ["kubernetes"] };
    object.status = { phase: "Active" };
  }
  if (type.group === "apps" && type.resource === "deployments") {
    // SetDefaults_Deployment (k8s.io/kubernetes/pkg/apis/apps/v1/defaults.go).
    const spec = isJsonObject(object.spec) ? object.spec : {};
    const strategy = isJsonObject(spec.strategy) && spec.strategy.type ? spec.strategy : { type: "RollingUpdate", rollingUpdate: { maxUnavailable: "25%", maxSurge: "25%" } };
    object.spec = { replicas: 1, revisionHistoryLimit: 10, progressDeadlineSeconds: 600, ...spec, strategy };
  }
  if (type.group === "" && type.resource === "services") object.spec = serviceDefaults(object);
  if (type.group === "batch" && type.resource === "jobs") {
    // SetDefaults_Job: one pod to completion, six retries.
    const spec = isJsonObject(object.spec) ? object.spec : {};
    object.spec = { completions: 1, parallelism: 1, backoffLimit: 6, completionMode: "NonIndexed", suspend: false, podReplacementPolicy: "TerminatingOrFailed", ...spec };
  }
  if (type.resource === "pods") {
    // A pod created through the API has not been scheduled: its status is the server's, not the client's.
    object.status = { phase: "Pending", qosClass: "BestEffort" };
  }
}

/**
 * SetDefaults_Service plus the cluster IP the allocator hands out from AKS's default service CIDR
 * (10.0.0.0/16): derived from the service's name, so the same service gets the same address.
 */
function serviceDefaults(object: JsonObject): JsonObject {
  const spec = isJsonObject(object.spec) ? object.spec : {};
  const type = typeof spec.type === "string" ? spec.type : "ClusterIP";
  const ports = (Array.isArray(spec.ports) ? spec.ports : []).map((port) =>
    isJsonObject(port) ? { protocol: "TCP", targetPort: port.port ?? null, ...port } : port,
  );
  if (type === "ExternalName") return { sessionAffinity: "None", ...spec, type, ports };
  const digest = createHash("sha256").update(`${metadataOf(object).namespace ?? ""}/${nameOf(object)}`).digest();
  const clusterIP = typeof spec.clusterIP === "string" ? spec.clusterIP : `10.0.${digest[0] ?? 0}.${((digest[1] ?? 0) % 253) + 2}`;
  const external: JsonObject = type === "NodePort" || type === "LoadBalancer" ? { externalTrafficPolicy: "Cluster" } : {};
  return {
    sessionAffinity: "None",
    internalTrafficPolicy: "Cluster",
    ipFamilies: ["IPv4"],
    ipFamilyPolicy: "SingleStack",
    ...external,
    ...spec,
    type,
    ports,
    clusterIP,
    clusterIPs: clusterIP === "None" ? ["None"] : [clusterIP],
  };
}
