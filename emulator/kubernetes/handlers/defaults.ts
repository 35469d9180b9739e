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
  if (type.resource === "pods") {
    // A pod created through the API has not been scheduled: its status is the server's, not the client's.
    object.status = { phase: "Pending", qosClass: "BestEffort" };
  }
}
