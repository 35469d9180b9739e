import { isJsonObject, type JsonObject } from "./json";
import type { ResourceType } from "./resources";
import type { FieldError } from "./status";

const serviceTypes = ["ClusterIP", "NodePort", "LoadBalancer", "ExternalName"];
const specOf = (object: JsonObject): JsonObject => (isJsonObject(object.spec) ? object.spec : {});

/** ValidateService's everyday rules: a known type, and ports unless the service is an ExternalName alias. */
function serviceErrors(spec: JsonObject): FieldError[] {
  const type = typeof spec.type === "string" ? spec.type : "ClusterIP";
  if (!serviceTypes.includes(type)) return [{ field: "spec.type", value: type, detail: `supported values: ${serviceTypes.map((value) => `"${value}"`).join(", ")}`, type: "NotSupported" }];
  const ports = Array.isArray(spec.ports) ? spec.ports : [];
  if (type !== "ExternalName" && ports.length === 0) return [{ field: "spec.ports", value: "", detail: "", type: "Required" }];
  return ports.flatMap((port, index) => {
    const number = isJsonObject(port) ? port.port : undefined;
    return typeof number === "number" && number >= 1 && number <= 65535 ? [] : [{ field: `spec.ports[${index}].port`, value: String(number), detail: "must be between 1 and 65535, inclusive" }];
  });
}

/** ValidateHorizontalPodAutoscalerSpec: at least one replica, and a maximum no lower than the minimum. */
function autoscalerErrors(spec: JsonObject): FieldError[] {
  const min = typeof spec.minReplicas === "number" ? spec.minReplicas : 1;
  const max = typeof spec.maxReplicas === "number" ? spec.maxReplicas : 0;
  if (min < 1) return [{ field: "spec.minReplicas", value: String(min), detail: "must be greater than or equal to 1" }];
  return max < min ? [{ field: "spec.maxReplicas", value: String(max), detail: "must be greater than or equal to `minReplicas`" }] : [];
}

/** ValidateJobSpec: a Job's pods never restart in place, so Always is refused. */
function jobErrors(spec: JsonObject): FieldError[] {
  const template = isJsonObject(spec.template) && isJsonObject(spec.template.spec) ? spec.template.spec : {};
  const policy = template.restartPolicy;
  if (policy === "OnFailure" || policy === "Never") return [];
  if (policy === undefined) return [{ field: "spec.template.spec.restartPolicy", value: "", detail: "", type: "Required" }];
  return [{ field: "spec.template.spec.restartPolicy", value: typeof policy === "string" ? policy : "", detail: 'supported values: "OnFailure", "Never"', type: "NotSupported" }];
}

export function kindErrors(type: ResourceType, object: JsonObject): FieldError[] {
  const spec = specOf(object);
  if (type.group === "" && type.resource === "services") return serviceErrors(spec);
  if (type.group === "autoscaling" && type.resource === "horizontalpodautoscalers") return autoscalerErrors(spec);
  if (type.group === "batch" && type.resource === "jobs") return jobErrors(spec);
  return [];
}
