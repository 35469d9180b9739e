import type { JsonObject } from "./json";

/**
 * Status errors shaped exactly as k8s.io/apimachinery/pkg/api/errors builds them:
 * `details.group` is omitted for the core group, `details.name` when empty, and `details.kind`
 * is the resource (plural) except for Invalid, which names the Kind.
 */
export type StatusCause = { reason: string; message: string; field?: string };

export type StatusDetails = { name?: string; group?: string; kind?: string; uid?: string; causes?: StatusCause[] };

export class KubeError extends Error {
  constructor(
    readonly code: number,
    readonly reason: string,
    message: string,
    readonly details?: StatusDetails,
  ) {
    super(message);
  }

  toStatus(): JsonObject {
    return failureStatus(this.code, this.reason, this.message, this.details);
  }
}

export type QualifiedResource = { group: string; resource: string };

export function failureStatus(code: number, reason: string, message: string, details?: StatusDetails): JsonObject {
  const status: JsonObject = { kind: "Status", apiVersion: "v1", metadata: {}, status: "Failure", message, reason };
  if (details) status.details = compactDetails(details);
  status.code = code;
  return status;
}

function compactDetails(details: StatusDetails): JsonObject {
  const result: JsonObject = {};
  if (details.name) result.name = details.name;
  if (details.group) result.group = details.group;
  if (details.kind) result.kind = details.kind;
  if (details.uid) result.uid = details.uid;
  if (details.causes) result.causes = details.causes.map((cause) => ({ ...cause }));
  return result;
}

/** `networkpolicies.networking.k8s.io` or `configmaps`, as GroupResource.String() prints it. */
export function qualifiedName(resource: QualifiedResource): string {
  return resource.group ? `${resource.resource}.${resource.group}` : resource.resource;
}

function detailsOf(resource: QualifiedResource, name: string): StatusDetails {
  return { name, group: resource.group, kind: resource.resource };
}

export function notFound(resource: QualifiedResource, name: string): KubeError {
  return new KubeError(404, "NotFound", `${qualifiedName(resource)} "${name}" not found`, detailsOf(resource, name));
}

export function alreadyExists(resource: QualifiedResource, name: string): KubeError {
  return new KubeError(409, "AlreadyExists", `${qualifiedName(resource)} "${name}" already exists`, detailsOf(resource, name));
}

export function conflict(resource: QualifiedResource, name: string, reason: string): KubeError {
  return new KubeError(
    409,
    "Conflict",
    `Operation cannot be fulfilled on ${qualifiedName(resource)} "${name}": ${reason}`,
    detailsOf(resource, name),
  );
}

export const staleObjectReason = "the object has been modified; please apply your changes to the latest version and try again";

export function forbidden(resource: QualifiedResource, name: string, why: string): KubeError {
  const subject = name ? `${qualifiedName(resource)} "${name}"` : qualifiedName(resource);
  return new KubeError(403, "Forbidden", `${subject} is forbidden: ${why}`, detailsOf(resource, name));
}

/** field.Invalid, or field.TooLong, whose message leaves the (long) value out. */
export type FieldError = { field: string; value: string; detail: string; type?: "TooLong" | "Required" | "NotSupported" };

/** field.Error's ErrorBody and reasons (k8s.io/apimachinery/pkg/util/validation/field/errors.go). */
function errorBody(error: FieldError): string {
  if (error.type === "TooLong") return `Too long: ${error.detail}`;
  if (error.type === "Required") return "Required value";
  if (error.type === "NotSupported") return `Unsupported value: ${JSON.stringify(error.value)}: ${error.detail}`;
  return `Invalid value: ${JSON.stringify(error.value)}: ${error.detail}`;
}

const reasons = { TooLong: "FieldValueTooLong", Required: "FieldValueRequired", NotSupported: "FieldValueNotSupported" } as const;

/** 422 as NewInvalid builds it: one cause per field error, the message joins them. */
export function invalid(kind: string, group: string, name: string, errors: FieldError[]): KubeError {
  const texts = errors.map((error) => `${error.field}: ${errorBody(error)}`);
  const joined = texts.length === 1 ? (texts[0] ?? "") : `[${texts.join(", ")}]`;
  const causes = errors.map((error) => ({
    reason: error.type ? reasons[error.type] : "FieldValueInvalid",
    message: errorBody(error),
    field: error.field,
  }));
  return new KubeError(422, "Invalid", `${kind} "${name}" is invalid: ${joined}`, { name, group, kind, causes });
}

export function badRequest(message: string): KubeError {
  return new KubeError(400, "BadRequest", message);
}

export function methodNotSupported(resource: QualifiedResource, verb: string): KubeError {
  return new KubeError(405, "MethodNotAllowed", `${verb} is not supported on resources of kind "${qualifiedName(resource)}"`, {
    group: resource.group,
    kind: resource.resource,
  });
}

export const unauthorized = (): KubeError => new KubeError(401, "Unauthorized", "Unauthorized");

export function successStatus(resource: QualifiedResource, name: string, uid: string): JsonObject {
  const details: JsonObject = { name };
  if (resource.group) details.group = resource.group;
  details.kind = resource.resource;
  details.uid = uid;
  return { kind: "Status", apiVersion: "v1", metadata: {}, status: "Success", details };
}
