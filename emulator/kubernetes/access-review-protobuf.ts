import type { JsonObject } from "./json";
import { badRequest } from "./status";

/**
 * kubectl's typed clientset sends built-in kinds as protobuf (`application/vnd.kubernetes.protobuf`),
 * which `kubectl auth can-i` does for its SelfSubjectAccessReview. Only the access reviews are
 * decoded: the `k8s\0` envelope (runtime.Unknown) and the few fields of their specs
 * (k8s.io/api/authorization/v1/generated.proto).
 */
type Fields = Map<number, (Buffer | number)[]>;

function readVarint(buffer: Buffer, offset: number): [number, number] {
  let result = 0;
  let shift = 0;
  let position = offset;
  for (;;) {
    const byte = buffer[position];
    if (byte === undefined) throw badRequest("truncated protobuf body");
    result += (byte & 0x7f) * 2 ** shift;
    position += 1;
    if ((byte & 0x80) === 0) return [result, position];
    shift += 7;
  }
}

function decode(buffer: Buffer): Fields {
  const fields: Fields = new Map();
  let offset = 0;
  while (offset < buffer.length) {
    const [tag, afterTag] = readVarint(buffer, offset);
    const field = Math.floor(tag / 8);
    const wireType = tag % 8;
    let value: Buffer | number;
    if (wireType === 0) [value, offset] = readVarint(buffer, afterTag);
    else if (wireType === 2) {
      const [length, start] = readVarint(buffer, afterTag);
      value = buffer.subarray(start, start + length);
      offset = start + length;
    } else if (wireType === 1) [value, offset] = [0, afterTag + 8];
    else if (wireType === 5) [value, offset] = [0, afterTag + 4];
    else throw badRequest(`unsupported protobuf wire type ${wireType}`);
    fields.set(field, [...(fields.get(field) ?? []), value]);
  }
  return fields;
}

const text = (fields: Fields, field: number): string => {
  const value = fields.get(field)?.[0];
  return Buffer.isBuffer(value) ? value.toString("utf8") : "";
};
const message = (fields: Fields, field: number): Fields | undefined => {
  const value = fields.get(field)?.[0];
  return Buffer.isBuffer(value) ? decode(value) : undefined;
};

export const protobufMagic = Buffer.from([0x6b, 0x38, 0x73, 0x00]);

export function isProtobuf(body: Buffer): boolean {
  return body.subarray(0, 4).equals(protobufMagic);
}

function attributes(fields: Fields | undefined, names: string[]): JsonObject | undefined {
  if (!fields) return undefined;
  const result: JsonObject = {};
  names.forEach((name, index) => {
    const value = text(fields, index + 1);
    if (value) result[name] = value;
  });
  return result;
}

/** The JSON form of a protobuf-encoded access review (kind and spec; status is the server's). */
export function accessReviewFromProtobuf(body: Buffer): JsonObject {
  const envelope = decode(body.subarray(4));
  const typeMeta = message(envelope, 1);
  const raw = envelope.get(2)?.[0];
  if (!Buffer.isBuffer(raw)) throw badRequest("protobuf envelope without an object");
  const review = decode(raw);
  const spec: Fields = message(review, 2) ?? new Map();
  const json: JsonObject = {};
  const resourceAttributes = attributes(message(spec, 1), ["namespace", "verb", "group", "version", "resource", "subresource", "name"]);
  const nonResourceAttributes = attributes(message(spec, 2), ["path", "verb"]);
  if (resourceAttributes) json.resourceAttributes = resourceAttributes;
  if (nonResourceAttributes) json.nonResourceAttributes = nonResourceAttributes;
  const user = text(spec, 3);
  if (user) json.user = user;
  const groups = (spec.get(4) ?? []).filter((value): value is Buffer => Buffer.isBuffer(value)).map((group) => group.toString("utf8"));
  if (groups.length > 0) json.groups = groups;
  const uid = text(spec, 6);
  if (uid) json.uid = uid;
  return {
    apiVersion: typeMeta ? text(typeMeta, 1) : "authorization.k8s.io/v1",
    kind: typeMeta ? text(typeMeta, 2) : "",
    metadata: {},
    spec: json,
  };
}
