import { isJsonObject, stringAt, type Json, type JsonObject } from "../json";
import type { ResourceType } from "../resources";
import { ageColumn, columnsByResource, nameColumn, type Column } from "./columns";
import { humanDuration } from "./human-duration";

/** kubectl get asks `application/json;as=Table;v=v1;g=meta.k8s.io` first, then v1beta1, then plain JSON. */
export function wantsTable(accept: string | undefined): boolean {
  const first = (accept ?? "").split(",")[0]?.replace(/\s/g, "") ?? "";
  return first.includes("as=Table") && first.includes("g=meta.k8s.io") && /(^|;)v=v1(beta1)?(;|$)/.test(first);
}

export const tableContentType = "application/json;as=Table;v=v1;g=meta.k8s.io";

function columnsOf(type: ResourceType): Column[] {
  return columnsByResource[type.resource] ?? [nameColumn, ageColumn];
}

/** `includeObject`: Metadata (kubectl's default) embeds PartialObjectMetadata, Object the object, None nothing. */
function embedded(object: JsonObject, includeObject: string): JsonObject | undefined {
  if (includeObject === "None") return undefined;
  if (includeObject === "Object") return object;
  return { kind: "PartialObjectMetadata", apiVersion: "meta.k8s.io/v1", metadata: isJsonObject(object.metadata) ? object.metadata : {} };
}

/**
 * A get or list answer as a meta.k8s.io/v1 Table. Rows carry the cells the real printers compute
 * (AGE from creationTimestamp now) and the object or its metadata for kubectl's `-L`/`--show-labels`.
 */
export function asTable(type: ResourceType, body: JsonObject, query: URLSearchParams, now: Date): JsonObject {
  const objects = Array.isArray(body.items) ? body.items.filter(isJsonObject) : [body];
  const columns = columnsOf(type);
  const includeObject = query.get("includeObject") ?? "Metadata";
  const rows: Json[] = objects.map((object) => {
    const created = stringAt(isJsonObject(object.metadata) ? object.metadata : undefined, "creationTimestamp");
    const age = created ? humanDuration(now.getTime() - Date.parse(created)) : "<unknown>";
    const row: JsonObject = { cells: columns.map((column) => column.cell(object, age)) };
    const included = embedded(object, includeObject);
    if (included) row.object = included;
    return row;
  });
  const listMetadata = isJsonObject(body.metadata) && Array.isArray(body.items) ? body.metadata : { resourceVersion: stringAt(isJsonObject(body.metadata) ? body.metadata : undefined, "resourceVersion") ?? "" };
  return {
    kind: "Table",
    apiVersion: "meta.k8s.io/v1",
    metadata: listMetadata,
    columnDefinitions: columns.map((column) => ({ name: column.name, type: column.type, format: column === nameColumn ? "name" : "", description: column.description, priority: column.priority ?? 0 })),
    rows,
  };
}
