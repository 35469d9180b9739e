import "server-only";

/**
 * What the logger removes before a line is written. Callers are asked never to log secrets, but an
 * SDK error can quote a request (headers, a token endpoint's body, a connection string): so fields
 * are redacted by name at any depth, and every string, the message included, by what it looks like.
 */
export const redacted = "[redacted]";

// Names of fields that carry credentials. Numbers and booleans under such names (e.g. a count of
// token fetches) are facts, not secrets, and stay. Not "signature": an audit checkpoint's signature is
// public and is logged on purpose, so a copy outside the database can be verified (docs/DEPLOY.md).
const secretKey = /authorization|cookie|token|secret|password|passwd|assertion|credential|private.?key|signing.?key|checkpoint.?key|api.?key/i;

const secretValues: Array<[RegExp, string]> = [
  // An HTTP Authorization value, wherever it is quoted.
  [/\b(Bearer|Basic)\s+[A-Za-z0-9\-._~+/]+=*/gi, `$1 ${redacted}`],
  // JSON Web Tokens (access and ID tokens, client assertions) are three base64url parts starting with "eyJ".
  [/\beyJ[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]*/g, redacted],
  // The password of a URL with credentials (postgresql://user:password@host).
  [/\b([a-z][a-z0-9+.-]*:\/\/[^:/\s@]+:)[^@\s/]+@/gi, `$1${redacted}@`],
  // Form and query parameters of OAuth and connection strings.
  [/\b(password|pwd|client_secret|client_assertion|access_token|refresh_token|id_token|code|sig)=[^&\s;"']+/gi, `$1=${redacted}`],
];

export function redactText(text: string): string {
  return secretValues.reduce((current, [pattern, replacement]) => current.replace(pattern, replacement), text);
}

/** A copy of `value` fit for a log line: secrets replaced, errors reduced to name and message. */
export function redactValue(value: unknown, depth = 0): unknown {
  if (typeof value === "string") return redactText(value);
  if (value === null || typeof value !== "object") return typeof value === "bigint" ? value.toString() : value;
  if (depth > 8) return "[too deep]";
  if (value instanceof Error) return { name: value.name, message: redactText(value.message) };
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map((item: unknown) => redactValue(item, depth + 1));
  const copy: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(value)) {
    const keep = typeof field === "number" || typeof field === "boolean" || field === null || field === undefined;
    copy[key] = secretKey.test(key) && !keep ? redacted : redactValue(field, depth + 1);
  }
  return copy;
}
