import type { Json, JsonObject } from "../json";
import { timestamp } from "../store";
import { badRequest, KubeError } from "../status";
import { protobufKinds } from "./kinds";
import type { FieldType, MessageSchema, Scalar } from "./schema";
import { decodeFields, signed, type WireValue } from "./wire";

export const protobufMagic = Buffer.from([0x6b, 0x38, 0x73, 0x00]);
export const protobufContentType = "application/vnd.kubernetes.protobuf";

export function isProtobuf(body: Buffer): boolean {
  return body.subarray(0, 4).equals(protobufMagic);
}

const text = (value: WireValue | undefined): string => (Buffer.isBuffer(value) ? value.toString("utf8") : "");
const number = (value: WireValue | undefined): number => (typeof value === "number" ? signed(value) : 0);

function scalar(type: Scalar, value: WireValue): Json {
  switch (type) {
    case "string":
      return text(value);
    case "bytes":
      return Buffer.isBuffer(value) ? value.toString("base64") : "";
    case "int":
      return number(value);
    case "bool":
      return value === 1;
    case "quantity": // resource.Quantity { string = 1 }
      return Buffer.isBuffer(value) ? text(decodeFields(value).get(1)?.[0]) : "";
    case "intOrString": {
      // intstr.IntOrString { type = 1 (0 int, 1 string), intVal = 2, strVal = 3 }
      const fields = Buffer.isBuffer(value) ? decodeFields(value) : new Map<number, WireValue[]>();
      return number(fields.get(1)?.[0]) === 1 ? text(fields.get(3)?.[0]) : number(fields.get(2)?.[0]);
    }
    case "stringList": // authorization's ExtraValue { repeated string items = 1 } is a JSON array
      return Buffer.isBuffer(value) ? (decodeFields(value).get(1) ?? []).map(text) : [];
    case "time": {
      // metav1.Time { seconds = 1, nanos = 2 }, marshalled to JSON with whole seconds.
      const fields = Buffer.isBuffer(value) ? decodeFields(value) : new Map<number, WireValue[]>();
      return timestamp(new Date(number(fields.get(1)?.[0]) * 1000));
    }
  }
}

function typed(type: FieldType, value: WireValue, path: string): Json {
  if (typeof type === "string") return scalar(type, value);
  if ("map" in type) throw badRequest(`protobuf map ${path} outside a message`);
  if (!Buffer.isBuffer(value)) throw badRequest(`protobuf field ${path} is not a message`);
  return decodeMessage(type, value, path);
}

/** Zero values all the way down: what Go writes for a struct nobody set (`status: {phase: ""}`). */
function isEmpty(values: WireValue[]): boolean {
  return values.every((value) => {
    if (!Buffer.isBuffer(value)) return value === 0;
    if (value.length === 0) return true;
    try {
      return [...decodeFields(value).values()].every(isEmpty);
    } catch {
      return false;
    }
  });
}

/**
 * A message as its JSON form. A field number the table does not know is refused unless empty (Go
 * marshals every non-pointer struct, such as an unset `status`), never dropped: the emulator would
 * otherwise store an object that lost what the client sent.
 */
export function decodeMessage(schema: MessageSchema, buffer: Buffer, path: string): JsonObject {
  const result: JsonObject = {};
  for (const [field, values] of decodeFields(buffer)) {
    const spec = schema[field];
    if (!spec && isEmpty(values)) continue;
    if (!spec) {
      throw new KubeError(415, "UnsupportedMediaType", `the Clusterdesk emulator cannot decode protobuf field ${field} of ${path || "the object"}; send the object as application/json`);
    }
    const where = path ? `${path}.${spec.name}` : spec.name;
    const { type } = spec;
    if (typeof type !== "string" && "map" in type) {
      const entries: JsonObject = isObject(result[spec.name]);
      for (const entry of values) {
        const pair = Buffer.isBuffer(entry) ? decodeFields(entry) : new Map<number, WireValue[]>();
        entries[text(pair.get(1)?.[0])] = typed(type.map, pair.get(2)?.[0] ?? Buffer.alloc(0), where);
      }
      result[spec.name] = entries;
    } else if (spec.repeated) {
      result[spec.name] = values.map((value, index) => typed(type, value, `${where}[${index}]`));
    } else {
      const last = values[values.length - 1];
      const value = last === undefined ? undefined : typed(type, last, where);
      // Go writes every non-pointer field; their zero values are what JSON's omitempty leaves out.
      if (value !== undefined && (spec.keepZero || !isZeroScalar(value))) result[spec.name] = value;
    }
  }
  return result;
}

function isZeroScalar(value: Json): boolean {
  return value === "" || value === 0 || value === false || value === "1970-01-01T00:00:00Z";
}

function isObject(value: Json | undefined): JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value) ? value : {};
}

/**
 * A body in the `k8s\0` envelope (runtime.Unknown: typeMeta = 1, raw = 2) as a JSON object, for
 * the kinds in `protobufKinds`; others get 415 with what the emulator does read.
 */
export function objectFromProtobuf(body: Buffer): JsonObject {
  const envelope = decodeFields(body.subarray(protobufMagic.length));
  const typeMeta = envelope.get(1)?.[0];
  const meta = Buffer.isBuffer(typeMeta) ? decodeFields(typeMeta) : new Map<number, WireValue[]>();
  const apiVersion = text(meta.get(1)?.[0]);
  const kind = text(meta.get(2)?.[0]);
  const schema = protobufKinds[`${apiVersion}/${kind}`];
  if (!schema) {
    throw new KubeError(415, "UnsupportedMediaType", `the Clusterdesk emulator does not decode ${kind || "this kind"} (${apiVersion}) from protobuf; send it as application/json`);
  }
  const raw = envelope.get(2)?.[0];
  if (!Buffer.isBuffer(raw)) throw badRequest("protobuf envelope without an object");
  return { apiVersion, kind, ...decodeMessage(schema, raw, "") };
}
