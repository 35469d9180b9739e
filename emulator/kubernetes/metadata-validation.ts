import { isJsonObject, type JsonObject } from "./json";
import type { FieldError } from "./status";
import { dns1123SubdomainErrors } from "./validation";

/**
 * ValidateObjectMeta's label and annotation rules (k8s.io/apimachinery/pkg/api/validation and
 * pkg/apis/meta/v1/validation), with the messages of pkg/util/validation word for word.
 */
const qualifiedNamePattern = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;
const qualifiedNameRegexError =
  "must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')";
const labelValuePattern = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;
const labelValueRegexError =
  "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')";
/** TotalAnnotationSizeLimitB: keys and values together, in bytes. */
export const totalAnnotationSizeLimit = 256 * 1024;

/** IsQualifiedName: an optional DNS-subdomain prefix, a slash, and a name of at most 63 characters. */
export function qualifiedNameErrors(value: string): string[] {
  const parts = value.split("/");
  if (parts.length > 2) {
    return [`a qualified name ${qualifiedNameRegexError} with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')`];
  }
  const errors: string[] = [];
  const name = parts.length === 2 ? (parts[1] ?? "") : value;
  if (parts.length === 2) {
    const prefix = parts[0] ?? "";
    if (prefix === "") errors.push("prefix part must be non-empty");
    else errors.push(...dns1123SubdomainErrors(prefix).map((message) => `prefix part ${message}`));
  }
  if (name === "") errors.push("name part must be non-empty");
  else if (name.length > 63) errors.push("name part must be no more than 63 characters");
  if (!qualifiedNamePattern.test(name)) errors.push(`name part ${qualifiedNameRegexError}`);
  return errors;
}

export function labelValueErrors(value: string): string[] {
  const errors: string[] = [];
  if (value.length > 63) errors.push("must be no more than 63 characters");
  if (!labelValuePattern.test(value)) errors.push(labelValueRegexError);
  return errors;
}

function entries(map: unknown): [string, string][] {
  if (!isJsonObject(map)) return [];
  return Object.entries(map).map(([key, value]) => [key, typeof value === "string" ? value : JSON.stringify(value)]);
}

/** Errors name `metadata.labels` / `metadata.annotations` without the key, as ValidateLabels does. */
export function metadataErrors(metadata: JsonObject): FieldError[] {
  const errors: FieldError[] = [];
  for (const [key, value] of entries(metadata.labels)) {
    errors.push(...qualifiedNameErrors(key).map((detail) => ({ field: "metadata.labels", value: key, detail })));
    errors.push(...labelValueErrors(value).map((detail) => ({ field: "metadata.labels", value, detail })));
  }
  const annotations = entries(metadata.annotations);
  // Annotation keys are qualified names compared case-insensitively.
  for (const [key] of annotations) errors.push(...qualifiedNameErrors(key.toLowerCase()).map((detail) => ({ field: "metadata.annotations", value: key, detail })));
  const size = annotations.reduce((total, [key, value]) => total + Buffer.byteLength(key) + Buffer.byteLength(value), 0);
  if (size > totalAnnotationSizeLimit) {
    errors.push({ field: "metadata.annotations", value: "", detail: `must have at most ${totalAnnotationSizeLimit} bytes`, type: "TooLong" });
  }
  return errors;
}
