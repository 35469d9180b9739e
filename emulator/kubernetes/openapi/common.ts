import type { JsonObject } from "../json";
import { arr, bool, freeForm, int64, mapOf, obj, str, strings, time } from "./dsl";

/** io.k8s.apimachinery.pkg.apis.meta.v1 types every kind shares. */
export const objectMeta = obj({
  annotations: mapOf(str),
  creationTimestamp: time,
  deletionGracePeriodSeconds: int64,
  deletionTimestamp: time,
  finalizers: strings,
  generateName: str,
  generation: int64,
  labels: mapOf(str),
  managedFields: arr(obj({ apiVersion: str, fieldsType: str, fieldsV1: freeForm, manager: str, operation: str, subresource: str, time })),
  name: str,
  namespace: str,
  ownerReferences: arr(obj({ apiVersion: str, blockOwnerDeletion: bool, controller: bool, kind: str, name: str, uid: str }, ["apiVersion", "kind", "name", "uid"])),
  resourceVersion: str,
  selfLink: str,
  uid: str,
});

export const labelSelector = obj({
  matchExpressions: arr(obj({ key: str, operator: str, values: strings }, ["key", "operator"])),
  matchLabels: mapOf(str),
});

export const condition = obj({ lastTransitionTime: time, message: str, observedGeneration: int64, reason: str, status: str, type: str });

/** A kind's schema: apiVersion, kind and metadata around its own fields. */
export function kind(fields: Record<string, JsonObject>): JsonObject {
  return obj({ apiVersion: str, kind: str, metadata: objectMeta, ...fields });
}
