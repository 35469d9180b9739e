import { isJsonObject, jsonEqual, stringAt, type JsonObject } from "../json";
import { groupVersion, findResourceType, type ResourceType } from "../resources";
import { recordUpdate, readManagedFields, managedFieldsJson, type ManagedFieldsEntry } from "../apply/managed-fields";
import { badRequest, invalid, KubeError, notFound } from "../status";
import { validateObject } from "../validation";
import type { ClusterStore } from "../store";
import type { HandlerContext } from "./context";

export function metadataOf(object: JsonObject): JsonObject {
  if (!isJsonObject(object.metadata)) object.metadata = {};
  return isJsonObject(object.metadata) ? object.metadata : {};
}

export function nameOf(object: JsonObject): string {
  return stringAt(isJsonObject(object.metadata) ? object.metadata : undefined, "name") ?? "";
}

const namespacesType = findResourceType("", "v1", "namespaces");

export function ensureNamespaceExists(store: ClusterStore, namespace: string): void {
  if (namespacesType && namespace && !store.get(namespacesType, "", namespace)) throw notFound({ group: "", resource: "namespaces" }, namespace);
}

/** Rejects bodies whose kind, apiVersion or namespace disagree with the URL, as the real decoder does. */
export function checkBodyIdentity(type: ResourceType, namespace: string, body: JsonObject): void {
  const kind = stringAt(body, "kind");
  const apiVersion = stringAt(body, "apiVersion");
  if ((kind && kind !== type.kind) || (apiVersion && apiVersion !== groupVersion(type))) {
    throw badRequest(`the API version in the data (${apiVersion ?? ""}) does not match the expected API version (${groupVersion(type)})`);
  }
  const bodyNamespace = stringAt(isJsonObject(body.metadata) ? body.metadata : undefined, "namespace");
  if (type.namespaced && bodyNamespace && bodyNamespace !== namespace) {
    throw badRequest("the namespace of the provided object does not match the namespace sent on the request");
  }
}

export function validateOrThrow(type: ResourceType, object: JsonObject): void {
  const name = nameOf(object);
  const errors = validateObject(type, object, name);
  if (errors.length > 0) throw invalid(type.kind, type.group, name, errors);
}

/** The manager of a non-apply write: `fieldManager`, else the user agent's product (the real default). */
export function managerOf(context: HandlerContext): string {
  return context.query.get("fieldManager") ?? (context.userAgent.split("/")[0] || "unknown");
}

/** Kinds whose strategies maintain metadata.generation (spec-bearing kinds and custom resources). */
const generationTracked = new Set(["deployments", "networkpolicies", "poddisruptionbudgets", "azureidentities", "azureidentitybindings", "azureassignedidentities", "azurepodidentityexceptions"]);

function specOf(object: JsonObject): JsonObject {
  const { metadata: _metadata, status: _status, ...rest } = object;
  return rest;
}

/** Who owns the written fields: a non-apply writer, or the entries server-side apply computed. */
export type Ownership = { manager: string } | { applied: ManagedFieldsEntry[] };

/** Keeps identity fields, bumps generation on spec changes and records field ownership. */
export function finishWrite(context: HandlerContext, before: JsonObject | undefined, after: JsonObject, ownership: Ownership): JsonObject {
  const type = context.info.type;
  const result: JsonObject = { ...after, apiVersion: groupVersion(type), kind: type.kind };
  const metadata = { ...metadataOf(result) };
  const previous = before ? metadataOf(before) : undefined;
  for (const field of ["uid", "creationTimestamp", "namespace"]) {
    const kept = previous?.[field];
    if (kept !== undefined) metadata[field] = kept;
  }
  if (generationTracked.has(type.resource)) {
    const previousGeneration = typeof previous?.generation === "number" ? previous.generation : 0;
    metadata.generation = !before || !jsonEqual(specOf(before), specOf(result)) ? previousGeneration + 1 : previousGeneration;
  }
  result.metadata = metadata;
  const entries =
    "applied" in ownership
      ? ownership.applied
      : recordUpdate(readManagedFields(before), ownership.manager, groupVersion(type), before, result, context.store.timestamp());
  metadata.managedFields = managedFieldsJson(entries);
  return result;
}

const optionsKinds: Readonly<Record<string, string>> = { create: "CreateOptions", update: "UpdateOptions", patch: "PatchOptions", delete: "DeleteOptions", deletecollection: "DeleteOptions" };

/** ValidateDryRun: "All" is the only value; anything else is 422 on the verb's options kind. */
export function dryRunRequested(verb: string, values: string[]): boolean {
  const unknown = values.find((value) => value !== "All");
  if (unknown !== undefined) {
    const kind = optionsKinds[verb] ?? "CreateOptions";
    const detail = `Unsupported value: "${unknown}": supported values: "All"`;
    throw new KubeError(422, "Invalid", `${kind}.meta.k8s.io "" is invalid: dryRun: ${detail}`, {
      group: "meta.k8s.io",
      kind,
      causes: [{ reason: "FieldValueNotSupported", message: detail, field: "dryRun" }],
    });
  }
  return values.includes("All");
}

export function isDryRun(context: HandlerContext): boolean {
  return dryRunRequested(context.info.verb, context.query.getAll("dryRun"));
}
