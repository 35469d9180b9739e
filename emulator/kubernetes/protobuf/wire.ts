import { badRequest } from "../status";

/** Protocol Buffers' wire format, just enough to read the messages k8s.io/api generates. */
export type WireValue = Buffer | number;
export type WireFields = Map<number, WireValue[]>;

export function readVarint(buffer: Buffer, offset: number): [number, number] {
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

/** Every field of one message by number. k8s.io/api has no fixed-width or float fields: those are refused. */
export function decodeFields(buffer: Buffer): WireFields {
  const fields: WireFields = new Map();
  let offset = 0;
  while (offset < buffer.length) {
    const [tag, afterTag] = readVarint(buffer, offset);
    const field = Math.floor(tag / 8);
    const wireType = tag % 8;
    let value: WireValue;
    if (wireType === 0) [value, offset] = readVarint(buffer, afterTag);
    else if (wireType === 2) {
      const [length, start] = readVarint(buffer, afterTag);
      if (start + length > buffer.length) throw badRequest("truncated protobuf body");
      value = buffer.subarray(start, start + length);
      offset = start + length;
    } else throw badRequest(`unsupported protobuf wire type ${wireType}`);
    fields.set(field, [...(fields.get(field) ?? []), value]);
  }
  return fields;
}

/** A varint read as a signed 64-bit integer (int64 fields carry negatives as two's complement). */
export function signed(value: number): number {
  return value >= 2 ** 63 ? value - 2 ** 64 : value;
}
