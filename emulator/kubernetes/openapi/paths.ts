import type { JsonObject } from "../json";
import type { ResourceType } from "../resources";

const query = (name: string): JsonObject => ({ in: "query", name, schema: { type: "string", uniqueItems: true } });
const pathParameter = (name: string): JsonObject => ({ in: "path", name, required: true, schema: { type: "string", uniqueItems: true } });
/** What kubectl's query-parameter verifier looks for on PATCH before it sends `fieldValidation=Strict`. */
const writeParameters = [query("dryRun"), query("fieldManager"), query("fieldValidation")];
const patchMediaTypes = ["application/apply-patch+yaml", "application/json-patch+json", "application/merge-patch+json", "application/strategic-merge-patch+json"];

function operation(type: ResourceType, action: string, verb: string, parameters: JsonObject[], schemaRef: string, body?: string[]): JsonObject {
  const ref = { $ref: schemaRef };
  return {
    operationId: `${verb}${type.kind}`,
    parameters,
    ...(body ? { requestBody: { content: Object.fromEntries(body.map((media) => [media, { schema: media.includes("patch") ? { $ref: "#/components/schemas/io.k8s.apimachinery.pkg.apis.meta.v1.Patch" } : ref }])), required: true } } : {}),
    responses: { "200": { description: "OK", content: { "application/json": { schema: ref } } } },
    "x-kubernetes-action": action,
    "x-kubernetes-group-version-kind": { group: type.group, kind: type.kind, version: type.version },
  };
}

/** The collection and item paths of one resource, with an operation per served verb. */
export function operationsOf(type: ResourceType, schemaRef: string): JsonObject {
  const base = type.group ? `/apis/${type.group}/${type.version}` : `/api/${type.version}`;
  const scope = type.namespaced ? `${base}/namespaces/{namespace}/${type.resource}` : `${base}/${type.resource}`;
  const scopeParameters = type.namespaced ? [pathParameter("namespace")] : [];
  const has = (verb: string) => type.verbs.includes(verb);
  const collection: JsonObject = { parameters: scopeParameters };
  if (has("list")) collection.get = operation(type, "list", "list", [query("labelSelector"), query("fieldSelector"), query("watch")], schemaRef);
  if (has("create")) collection.post = operation(type, "post", "create", writeParameters, schemaRef, ["*/*"]);
  if (has("deletecollection")) collection.delete = operation(type, "deletecollection", "deletecollection", [query("dryRun")], schemaRef);
  const item: JsonObject = { parameters: [pathParameter("name"), ...scopeParameters] };
  if (has("get")) item.get = operation(type, "get", "read", [], schemaRef);
  if (has("update")) item.put = operation(type, "put", "replace", writeParameters, schemaRef, ["*/*"]);
  if (has("patch")) item.patch = operation(type, "patch", "patch", [...writeParameters, query("force")], schemaRef, patchMediaTypes);
  if (has("delete")) item.delete = operation(type, "delete", "delete", [query("dryRun")], schemaRef);
  return has("get") ? { [scope]: collection, [`${scope}/{name}`]: item } : { [scope]: collection };
}
