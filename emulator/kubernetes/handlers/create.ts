import { randomBytes } from "node:crypto";
import { clone, isJsonObject, stringAt, type JsonObject } from "../json";
import { decodeObjectBody } from "../body";
import { enforceKnownFields } from "../openapi/field-validation";
import { alreadyExists, KubeError } from "../status";
import type { HandlerContext, HandlerResult } from "./context";
import { applyCreateDefaults } from "./defaults";
import { afterWrite } from "./controllers";
import { admitCreate } from "../quota/admission";
import { type Ownership, checkBodyIdentity, ensureNamespaceExists, finishWrite, isDryRun, managerOf, metadataOf, nameOf, validateOrThrow } from "./objects";

/** generateName gets five random characters, from the same alphabet as the real server's. */
function generatedName(prefix: string): string {
  const alphabet = "bcdfghjklmnpqrstvwxz2456789";
  return prefix + [...randomBytes(5)].map((byte) => alphabet[byte % alphabet.length]).join("");
}

export function requiredNameError(kind: string): KubeError {
  return new KubeError(422, "Invalid", `${kind} "" is invalid: metadata.name: Required value: name or generateName is required`, {
    kind,
    causes: [{ reason: "FieldValueRequired", message: "Required value: name or generateName is required", field: "metadata.name" }],
  });
}

/** Stores `object` as new: shared by POST and by server-side apply on a missing object. */
export function createObject(context: HandlerContext, object: JsonObject, ownership: Ownership, persist: boolean): JsonObject {
  const { type, namespace } = context.info;
  const metadata = metadataOf(object);
  for (const field of ["uid", "resourceVersion", "creationTimestamp", "managedFields", "generation", "deletionTimestamp"]) delete metadata[field];
  const generateName = stringAt(metadata, "generateName");
  if (!nameOf(object) && generateName) metadata.name = generatedName(generateName);
  if (!nameOf(object)) throw requiredNameError(type.kind);
  if (type.namespaced) ensureNamespaceExists(context.store, namespace);
  validateOrThrow(type, object);
  if (context.store.get(type, namespace, nameOf(object))) throw alreadyExists(type, nameOf(object));
  applyCreateDefaults(type, object);
  // Admission runs on dry runs too: a dry-run create beyond quota is refused as the real one would be.
  admitCreate(context.store, type, namespace, object);
  const prepared = finishWrite(context, undefined, object, ownership);
  if (!persist) {
    const preview = clone(prepared);
    if (isJsonObject(preview.metadata)) preview.metadata.namespace = type.namespaced ? namespace : null;
    return preview;
  }
  return afterWrite(context, context.store.create(type, namespace, prepared));
}

export async function createHandler(context: HandlerContext): Promise<HandlerResult> {
  const body = enforceKnownFields(context, decodeObjectBody(await context.readBody(), context.contentType));
  checkBodyIdentity(context.info.type, context.info.namespace, body);
  const created = createObject(context, body, { manager: managerOf(context) }, !isDryRun(context));
  return { status: 201, body: created };
}
