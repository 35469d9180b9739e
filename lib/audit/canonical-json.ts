/**
 * Canonical JSON, the byte string that audit hashes cover. It follows RFC 8785 (JSON
 * Canonicalization Scheme): no whitespace, object keys sorted by UTF-16 code units, strings escaped
 * exactly as JSON.stringify does, numbers in ECMAScript's shortest round-trip form (JCS prescribes
 * that very algorithm, so JSON.stringify's output for a finite number is already canonical; -0 is 0).
 *
 * Beyond JCS: a Date is encoded as its ISO 8601 UTC string with milliseconds ("2026-01-02T03:04:05.006Z"),
 * which is what a JSON round trip through the database gives back; an object property whose value is
 * undefined is left out, as JSON.stringify does. Everything that would not survive a round trip
 * unchanged is refused rather than silently altered: non-finite numbers, lone surrogates, undefined
 * array items, bigint, functions and symbols.
 */
export type CanonicalValue =
  | null
  | boolean
  | number
  | string
  | Date
  | readonly CanonicalValue[]
  | { readonly [key: string]: CanonicalValue | undefined };

/** A plain JSON value (what jsonb columns hold and Prisma returns). */
export type JsonValue = null | boolean | number | string | readonly JsonValue[] | { readonly [key: string]: JsonValue | undefined };

const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export function canonicalJson(value: CanonicalValue): string {
  return encode(value, "$");
}

/** The plain JSON value that `value` canonically stands for (Dates become strings, undefined properties vanish). */
export function toJsonValue(value: CanonicalValue): JsonValue {
  return JSON.parse(canonicalJson(value)) as JsonValue;
}

function encode(value: unknown, path: string): string {
  if (value === null) return "null";
  switch (typeof value) {
    case "boolean":
      return value ? "true" : "false";
    case "number":
      if (!Number.isFinite(value)) throw new TypeError(`canonical JSON: ${path} is ${value}, which JSON cannot represent`);
      return JSON.stringify(value);
    case "string":
      return encodeString(value, path);
    case "object":
      if (value instanceof Date) {
        if (Number.isNaN(value.getTime())) throw new TypeError(`canonical JSON: ${path} is an invalid Date`);
        return encodeString(value.toISOString(), path);
      }
      if (Array.isArray(value)) {
        return `[${value.map((item: unknown, index) => {
          if (item === undefined) throw new TypeError(`canonical JSON: ${path}[${index}] is undefined`);
          return encode(item, `${path}[${index}]`);
        }).join(",")}]`;
      }
      return encodeObject(value as Record<string, unknown>, path);
    default:
      throw new TypeError(`canonical JSON: ${path} is a ${typeof value}, which JSON cannot represent`);
  }
}

function encodeObject(object: Record<string, unknown>, path: string): string {
  // Array.prototype.sort without a comparator orders by UTF-16 code units, as RFC 8785 §3.2.3 requires.
  const keys = Object.keys(object).filter((key) => object[key] !== undefined).sort();
  const members = keys.map((key) => `${encodeString(key, path)}:${encode(object[key], `${path}.${key}`)}`);
  return `{${members.join(",")}}`;
}

function encodeString(text: string, path: string): string {
  // JSON.stringify would escape a lone surrogate as \udXXX, but the text cannot be stored as UTF-8
  // unchanged (PostgreSQL would refuse it or the driver would replace it), so the hash would not verify.
  if (loneSurrogate.test(text)) throw new TypeError(`canonical JSON: ${path} contains a lone surrogate`);
  return JSON.stringify(text);
}
