import { createHash } from "node:crypto";
import type { JsonObject } from "../json";
import { groupVersion, resourceTypes, servedGroupVersions, type ResourceType } from "../resources";
import { kindSchemas } from "./kinds";
import { operationsOf } from "./paths";

/** Built-in groups' Go packages (`io.k8s.api.rbac.v1.Role`); other groups are reversed, as CRDs are. */
const builtInPackages: Readonly<Record<string, string>> = {
  "": "core",
  "rbac.authorization.k8s.io": "rbac",
  "networking.k8s.io": "networking",
  policy: "policy",
  "authorization.k8s.io": "authorization",
  "authentication.k8s.io": "authentication",
  apps: "apps",
};

export function schemaName(type: { group: string; version: string; kind: string }): string {
  const builtIn = builtInPackages[type.group];
  const prefix = builtIn !== undefined ? `io.k8s.api.${builtIn}` : type.group.split(".").reverse().join(".");
  return `${prefix}.${type.version}.${type.kind}`;
}

export function kindSchema(type: ResourceType): JsonObject | undefined {
  return kindSchemas[`${groupVersion(type)}/${type.kind}`];
}

/** `/api/v1` or `/apis/{group}/{version}`, the key of a group version in the index. */
export function groupVersionPath(gv: { group: string; version: string }): string {
  return gv.group ? `apis/${gv.group}/${gv.version}` : `api/${gv.version}`;
}

export function groupVersionDocument(group: string, version: string): JsonObject | undefined {
  const types = resourceTypes.filter((type) => type.group === group && type.version === version);
  if (types.length === 0) return undefined;
  const schemas: JsonObject = { "io.k8s.apimachinery.pkg.apis.meta.v1.Patch": { type: "object", description: "A patch in one of the patch media types." } };
  let paths: JsonObject = {};
  for (const type of types) {
    const schema = kindSchema(type);
    if (!schema) continue;
    schemas[schemaName(type)] = { ...schema, "x-kubernetes-group-version-kind": [{ group: type.group, kind: type.kind, version: type.version }] };
    paths = { ...paths, ...operationsOf(type, `#/components/schemas/${schemaName(type)}`) };
  }
  return { openapi: "3.0.0", info: { title: "Kubernetes", version: "unversioned" }, paths, components: { schemas } };
}

/** A hash per document, so kubectl's cache keys change only when the schemas do. */
function hashOf(document: JsonObject | undefined): string {
  return createHash("sha512").update(JSON.stringify(document ?? {})).digest("hex").toUpperCase();
}

/**
 * `/openapi/v3`: one entry per group version. The server-relative URL carries the cluster's path
 * prefix (`/k8s/{sub}/{rg}/{cluster}`): client-go requests it from the server's root.
 */
export function openApiIndex(prefix: string): JsonObject {
  const paths: JsonObject = {};
  for (const gv of servedGroupVersions()) {
    const key = groupVersionPath(gv);
    paths[key] = { serverRelativeURL: `${prefix}/openapi/v3/${key}?hash=${hashOf(groupVersionDocument(gv.group, gv.version))}` };
  }
  return { paths };
}
