import { clone, isJsonObject, jsonEqual, type Json } from "../json";

/** RFC 6902 JSON patch, as the API server applies it (evanphx/json-patch): all or nothing. */
export type JsonPatchOperation = { op: string; path: string; value?: Json; from?: string };

export class JsonPatchError extends Error {}

function pointer(path: string): string[] {
  if (path === "") return [];
  if (!path.startsWith("/")) throw new JsonPatchError(`invalid JSON pointer "${path}"`);
  return path
    .slice(1)
    .split("/")
    .map((token) => token.replace(/~1/g, "/").replace(/~0/g, "~"));
}

type Parent = { container: Json; key: string };

function parentOf(document: Json, tokens: string[], path: string): Parent {
  let current: Json = document;
  for (const token of tokens.slice(0, -1)) {
    const next: Json | undefined = Array.isArray(current) ? current[Number(token)] : isJsonObject(current) ? current[token] : undefined;
    if (next === undefined) throw new JsonPatchError(`doc is missing path: "${path}": missing value`);
    current = next;
  }
  return { container: current, key: tokens.at(-1) ?? "" };
}

function read(document: Json, path: string): Json {
  const tokens = pointer(path);
  if (tokens.length === 0) return document;
  const { container, key } = parentOf(document, tokens, path);
  const value = Array.isArray(container) ? container[Number(key)] : isJsonObject(container) ? container[key] : undefined;
  if (value === undefined) throw new JsonPatchError(`doc is missing path: "${path}": missing value`);
  return value;
}

function arrayIndex(array: Json[], key: string, path: string, allowEnd: boolean): number {
  if (key === "-" && allowEnd) return array.length;
  const index = Number(key);
  if (!/^\d+$/.test(key) || index > array.length || (!allowEnd && index === array.length)) {
    throw new JsonPatchError(`invalid index referenced: "${path}"`);
  }
  return index;
}

function add(document: Json, path: string, value: Json): Json {
  const tokens = pointer(path);
  if (tokens.length === 0) return value;
  const { container, key } = parentOf(document, tokens, path);
  if (Array.isArray(container)) container.splice(arrayIndex(container, key, path, true), 0, value);
  else if (isJsonObject(container)) container[key] = value;
  else throw new JsonPatchError(`doc is missing path: "${path}": missing value`);
  return document;
}

function remove(document: Json, path: string): Json {
  const tokens = pointer(path);
  const { container, key } = parentOf(document, tokens, path);
  if (Array.isArray(container)) container.splice(arrayIndex(container, key, path, false), 1);
  else if (isJsonObject(container) && key in container) delete container[key];
  else throw new JsonPatchError(`Unable to remove nonexistent key: ${key}: missing value`);
  return document;
}

export function applyJsonPatch(target: Json, operations: unknown): Json {
  if (!Array.isArray(operations)) throw new JsonPatchError("json: cannot unmarshal object into Go value of type jsonpatch.Patch");
  let document = clone(target);
  for (const raw of operations) {
    if (!isJsonObject(raw) || typeof raw.op !== "string" || typeof raw.path !== "string") {
      throw new JsonPatchError("Unexpected kind: unknown");
    }
    const { op, path } = raw;
    const from = typeof raw.from === "string" ? raw.from : "";
    switch (op) {
      case "add":
        document = add(document, path, clone(raw.value ?? null));
        break;
      case "remove":
        document = remove(document, path);
        break;
      case "replace":
        read(document, path);
        if (path === "") {
          document = clone(raw.value ?? null);
          break;
        }
        document = add(remove(document, path), path, clone(raw.value ?? null));
        break;
      case "move": {
        const value = read(document, from);
        document = add(remove(document, from), path, value);
        break;
      }
      case "copy":
        document = add(document, path, clone(read(document, from)));
        break;
      case "test":
        if (!jsonEqual(read(document, path), raw.value ?? null)) throw new JsonPatchError(`testing value ${path} failed: test failed`);
        break;
      default:
        throw new JsonPatchError(`Unexpected kind: ${op}`);
    }
  }
  return document;
}
