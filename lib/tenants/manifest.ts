/** A Kubernetes object as Clusterdesk intends it: plain JSON, no SDK types, so plans are pure. */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

export type ManifestMetadata = { name: string; namespace?: string; labels: Record<string, string>; annotations?: Record<string, string> };

export type KubeManifest = {
  apiVersion: string;
  kind: string;
  metadata: ManifestMetadata;
  [field: string]: JsonValue | ManifestMetadata | undefined;
};

/** A stable key for one object: `Kind namespace/name` (cluster-scoped objects without the namespace). */
export function manifestKey(manifest: { kind: string; metadata: { name: string; namespace?: string } }): string {
  return `${manifest.kind} ${manifest.metadata.namespace ? `${manifest.metadata.namespace}/` : ""}${manifest.metadata.name}`;
}
