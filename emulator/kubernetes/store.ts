import { randomUUID } from "node:crypto";
import { clone, isJsonObject, stringAt, type JsonObject } from "./json";
import type { ResourceType } from "./resources";
import { WatchHub, type WatchEventType } from "./watch-hub";

/**
 * One cluster's objects, in memory. `resourceVersion` is a per-cluster counter, as etcd's revision
 * is: every write bumps it, lists report the current value.
 */
export class ClusterStore {
  private readonly objects = new Map<string, JsonObject>();
  private revision = 0;
  /** Every write's event, for watches. */
  readonly changes = new WatchHub();

  constructor(private readonly now: () => Date = () => new Date()) {}

  get resourceVersion(): string {
    return String(this.revision);
  }

  get(type: ResourceType, namespace: string, name: string): JsonObject | undefined {
    const stored = this.objects.get(key(type, namespace, name));
    return stored ? clone(stored) : undefined;
  }

  /** Sorted by namespace then name, like etcd's key order. */
  list(type: ResourceType, namespace: string): JsonObject[] {
    const prefix = key(type, namespace, "");
    const all = namespace ? prefix : `${type.group}|${type.resource}|`;
    return [...this.objects.entries()]
      .filter(([id]) => id.startsWith(all))
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([, object]) => clone(object));
  }

  /** Stores a new object, stamping uid, creationTimestamp and resourceVersion. */
  create(type: ResourceType, namespace: string, object: JsonObject): JsonObject {
    const metadata = isJsonObject(object.metadata) ? object.metadata : {};
    const name = stringAt(metadata, "name") ?? "";
    const stamped: JsonObject = {
      ...object,
      metadata: {
        ...metadata,
        ...(type.namespaced ? { namespace } : {}),
        uid: randomUUID(),
        resourceVersion: this.bump(),
        creationTimestamp: timestamp(this.now()),
      },
    };
    if (!type.namespaced && isJsonObject(stamped.metadata)) delete stamped.metadata.namespace;
    this.objects.set(key(type, namespace, name), stamped);
    this.emit("ADDED", type, namespace, stamped);
    return clone(stamped);
  }

  /** Replaces an existing object with a new resourceVersion; identity fields are kept. */
  replace(type: ResourceType, namespace: string, object: JsonObject): JsonObject {
    const metadata = isJsonObject(object.metadata) ? object.metadata : {};
    const name = stringAt(metadata, "name") ?? "";
    const stored: JsonObject = { ...object, metadata: { ...metadata, resourceVersion: this.bump() } };
    this.objects.set(key(type, namespace, name), stored);
    this.emit("MODIFIED", type, namespace, stored);
    return clone(stored);
  }

  delete(type: ResourceType, namespace: string, name: string): JsonObject | undefined {
    const id = key(type, namespace, name);
    const stored = this.objects.get(id);
    if (!stored) return undefined;
    this.objects.delete(id);
    const deleted = { ...stored, metadata: { ...(isJsonObject(stored.metadata) ? stored.metadata : {}), resourceVersion: this.bump() } };
    this.emit("DELETED", type, namespace, deleted);
    return clone(stored);
  }

  /** Namespace deletion: every namespaced object in it goes too. */
  deleteNamespaceContents(namespace: string, types: readonly ResourceType[]): void {
    for (const type of types.filter((candidate) => candidate.namespaced)) {
      for (const id of [...this.objects.keys()]) {
        const object = this.objects.get(id);
        if (!object || !id.startsWith(key(type, namespace, ""))) continue;
        this.objects.delete(id);
        this.emit("DELETED", type, namespace, { ...object, metadata: { ...(isJsonObject(object.metadata) ? object.metadata : {}), resourceVersion: this.bump() } });
      }
    }
    this.bump();
  }

  clear(): void {
    this.objects.clear();
  }

  timestamp(): string {
    return timestamp(this.now());
  }

  private emit(type: WatchEventType, resource: ResourceType, namespace: string, object: JsonObject): void {
    this.changes.publish({ type, revision: this.revision, resourceKey: `${resource.group}|${resource.resource}`, namespace: resource.namespaced ? namespace : "", object: clone(object) });
  }

  private bump(): string {
    this.revision += 1;
    return String(this.revision);
  }
}

function key(type: ResourceType, namespace: string, name: string): string {
  return `${type.group}|${type.resource}|${type.namespaced ? namespace : ""}|${name}`;
}

/** RFC 3339 without fractional seconds, as metav1.Time marshals. */
export function timestamp(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, "Z");
}
