import { isJsonObject, stringAt, type JsonObject } from "../json";
import { decodeObjectBody } from "../body";
import { invalid, methodNotSupported, notFound } from "../status";
import type { HandlerContext, HandlerResult } from "./context";
import { managerOf, metadataOf } from "./objects";
import { patched } from "./patch";
import { replaceObject } from "./update";

/** The autoscaling/v1 Scale of a Deployment: what `kubectl scale` reads and writes. */
function scaleOf(deployment: JsonObject): JsonObject {
  const metadata = metadataOf(deployment);
  const spec = isJsonObject(deployment.spec) ? deployment.spec : {};
  const status = isJsonObject(deployment.status) ? deployment.status : {};
  const matchLabels = isJsonObject(spec.selector) && isJsonObject(spec.selector.matchLabels) ? spec.selector.matchLabels : {};
  const selector = Object.entries(matchLabels).map(([key, value]) => `${key}=${typeof value === "string" ? value : ""}`).join(",");
  const keep = ["name", "namespace", "uid", "resourceVersion", "creationTimestamp"];
  return {
    kind: "Scale",
    apiVersion: "autoscaling/v1",
    metadata: Object.fromEntries(Object.entries(metadata).filter(([key]) => keep.includes(key))),
    spec: { replicas: typeof spec.replicas === "number" ? spec.replicas : 1 },
    status: { replicas: typeof status.replicas === "number" ? status.replicas : 0, selector },
  };
}

/** `deployments/{name}/scale`: get, update and patch change only `spec.replicas`. */
export async function scaleHandler(context: HandlerContext): Promise<HandlerResult> {
  const { type, namespace, name, verb } = context.info;
  const current = context.store.get(type, namespace, name);
  if (!current) throw notFound(type, name);
  if (verb === "get") return { status: 200, body: scaleOf(current) };
  if (verb !== "update" && verb !== "patch") throw methodNotSupported({ group: type.group, resource: `${type.resource}/scale` }, verb);
  const raw = await context.readBody();
  const scale = verb === "update" ? decodeObjectBody(raw, context.contentType) : patched(scaleOf(current), context.contentType.split(";")[0]?.trim() ?? "", raw);
  const replicas = isJsonObject(scale.spec) ? scale.spec.replicas : undefined;
  if (typeof replicas !== "number" || !Number.isInteger(replicas) || replicas < 0) {
    throw invalid("Scale", "autoscaling", name, [{ field: "spec.replicas", value: String(replicas ?? ""), detail: "must be greater than or equal to 0" }]);
  }
  const requested = stringAt(isJsonObject(scale.metadata) ? scale.metadata : undefined, "resourceVersion");
  const next: JsonObject = { ...current, spec: { ...(isJsonObject(current.spec) ? current.spec : {}), replicas } };
  metadataOf(next).resourceVersion = requested ?? stringAt(metadataOf(current), "resourceVersion") ?? "";
  return { status: 200, body: scaleOf(replaceObject(context, current, next, { manager: managerOf(context) })) };
}
