import { isJsonObject, stringAt, type Json, type JsonObject } from "../json";
import { decodeObjectBody } from "../body";
import type { AccessAttributes, Requester } from "../authz/attributes";
import type { HandlerContext, HandlerResult } from "./context";

/**
 * SubjectAccessReview, LocalSubjectAccessReview and SelfSubjectAccessReview (authorization.k8s.io/v1):
 * answered by the same engine that authorizes requests, never stored.
 */
function strings(value: Json | undefined): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === "string") : [];
}

export function attributesOfReview(spec: JsonObject, namespaceOverride?: string): AccessAttributes {
  const resource = isJsonObject(spec.resourceAttributes) ? spec.resourceAttributes : undefined;
  if (resource) {
    return {
      verb: stringAt(resource, "verb") ?? "",
      resourceRequest: true,
      apiGroup: stringAt(resource, "group") ?? "",
      resource: stringAt(resource, "resource") ?? "",
      subresource: stringAt(resource, "subresource") ?? "",
      namespace: namespaceOverride ?? stringAt(resource, "namespace") ?? "",
      name: stringAt(resource, "name") ?? "",
      path: "",
    };
  }
  const nonResource = isJsonObject(spec.nonResourceAttributes) ? spec.nonResourceAttributes : {};
  return { verb: stringAt(nonResource, "verb") ?? "", resourceRequest: false, apiGroup: "", resource: "", subresource: "", namespace: "", name: "", path: stringAt(nonResource, "path") ?? "" };
}

/**
 * The subject of a SubjectAccessReview. Guard looks Azure assignments up by the `oid` extra
 * attribute; without it the uid, then the user name, stand in for the object id.
 */
export function requesterOfReview(spec: JsonObject): Requester {
  const name = stringAt(spec, "user") ?? "";
  const groups = strings(spec.groups);
  const extra = isJsonObject(spec.extra) ? spec.extra : {};
  const objectId = strings(extra.oid)[0] ?? stringAt(spec, "uid") ?? name;
  return { name, groups, principalIds: [objectId, ...groups.filter((group) => !group.startsWith("system:"))] };
}

export async function accessReviewHandler(context: HandlerContext): Promise<HandlerResult> {
  const raw = await context.readBody();
  const body = decodeObjectBody(raw, context.contentType);
  const spec = isJsonObject(body.spec) ? body.spec : {};
  const { resource } = context.info.type;
  const requester = resource === "selfsubjectaccessreviews" ? context.requester : requesterOfReview(spec);
  const namespace = resource === "localsubjectaccessreviews" ? context.info.namespace : undefined;
  const decision = context.decide(requester, attributesOfReview(spec, namespace));
  const status: JsonObject = { allowed: decision.allowed };
  if (!decision.allowed && decision.reason) status.reason = decision.reason;
  const metadata = isJsonObject(body.metadata) ? body.metadata : {};
  return {
    status: 201,
    body: { kind: context.info.type.kind, apiVersion: "authorization.k8s.io/v1", metadata: { ...metadata, creationTimestamp: null }, spec, status },
  };
}
