import { isJsonObject, stringAt, type Json, type JsonObject } from "../json";
import { decodeObjectBody } from "../body";
import { invalid, type FieldError } from "../status";
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

/** pkg/apis/authorization/validation: a review about someone else must name a user or a group. */
function reviewErrors(spec: JsonObject, resource: string): FieldError[] {
  const errors: FieldError[] = [];
  if (resource !== "selfsubjectaccessreviews" && !stringAt(spec, "user") && strings(spec.groups).length === 0) {
    errors.push({ field: "spec.user", value: "", detail: "at least one of user or group must be specified" });
  }
  const both = isJsonObject(spec.resourceAttributes) && isJsonObject(spec.nonResourceAttributes);
  if (both) errors.push({ field: "spec.nonResourceAttributes", value: "", detail: "cannot be specified in combination with resourceAttributes" });
  return errors;
}

export async function accessReviewHandler(context: HandlerContext): Promise<HandlerResult> {
  const raw = await context.readBody();
  const body = decodeObjectBody(raw, context.contentType);
  const spec = isJsonObject(body.spec) ? body.spec : {};
  const { resource } = context.info.type;
  const errors = reviewErrors(spec, resource);
  if (errors.length > 0) throw invalid(`${context.info.type.kind}.authorization.k8s.io`, "authorization.k8s.io", stringAt(isJsonObject(body.metadata) ? body.metadata : {}, "name") ?? "", errors);
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
