import { isJsonObject, stringAt, stringMapAt, type JsonObject } from "../json";
import { groupVersion, type ResourceType } from "../resources";
import { matchesFields, matchesLabels, parseFieldSelector, parseLabelSelector } from "../selectors";
import { notFound } from "../status";
import { withQuotaStatus } from "../quota/usage";
import type { HandlerContext, HandlerResult } from "./context";

/** Status the emulator computes when read instead of running a controller (quota usage). */
function withComputedStatus(context: HandlerContext, object: JsonObject): JsonObject {
  return context.info.type.resource === "resourcequotas" ? withQuotaStatus(context.store, object) : object;
}

export function getObject(context: HandlerContext): HandlerResult {
  const { type, namespace, name } = context.info;
  const object = context.store.get(type, namespace, name);
  if (!object) throw notFound(type, name);
  return { status: 200, body: withComputedStatus(context, object) };
}

/** Field selectors each kind supports: every kind has the metadata ones, pods add status.phase and spec.nodeName. */
function supportedFields(type: ResourceType): string[] {
  const common = type.namespaced ? ["metadata.name", "metadata.namespace"] : ["metadata.name"];
  return type.resource === "pods" ? [...common, "status.phase", "spec.nodeName"] : common;
}

function fieldsOf(object: JsonObject): Record<string, string> {
  const metadata = isJsonObject(object.metadata) ? object.metadata : undefined;
  const status = isJsonObject(object.status) ? object.status : undefined;
  const spec = isJsonObject(object.spec) ? object.spec : undefined;
  return {
    "metadata.name": stringAt(metadata, "name") ?? "",
    "metadata.namespace": stringAt(metadata, "namespace") ?? "",
    "status.phase": stringAt(status, "phase") ?? "",
    "spec.nodeName": stringAt(spec, "nodeName") ?? "",
  };
}

/** Whether an object matches the request's label and field selectors (for lists and watches). */
export function selectorMatcher(context: HandlerContext): (object: JsonObject) => boolean {
  const labels = parseLabelSelector(context.query.get("labelSelector") ?? "");
  const fields = parseFieldSelector(context.query.get("fieldSelector") ?? "", supportedFields(context.info.type));
  return (object) => matchesLabels(labels, stringMapAt(isJsonObject(object.metadata) ? object.metadata : undefined, "labels")) && matchesFields(fields, fieldsOf(object));
}

/** Objects of the request's kind and namespace that match its label and field selectors. */
export function selectedObjects(context: HandlerContext): JsonObject[] {
  const { type, namespace } = context.info;
  return context.store.list(type, namespace).filter(selectorMatcher(context));
}

export function listResponse(type: ResourceType, resourceVersion: string, items: JsonObject[]): JsonObject {
  return { kind: `${type.kind}List`, apiVersion: groupVersion(type), metadata: { resourceVersion }, items };
}

export function listObjects(context: HandlerContext): HandlerResult {
  const items = selectedObjects(context).map((object) => withComputedStatus(context, object));
  return { status: 200, body: listResponse(context.info.type, context.store.resourceVersion, items) };
}
