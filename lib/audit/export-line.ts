import { csvCell } from "./export-format";

/**
 * One exported event as PostgreSQL formats it (lib/server/audit/export-line-sql.ts): every cell but
 * two is already text in its final form, so this process only joins strings. The exceptions stay
 * here because only JavaScript reproduces them byte for byte: `occurredAt` (epoch milliseconds, turned
 * into `Date#toISOString`, whose form for years past 9999 SQL does not share) and `before`/`after`
 * (jsonb's text: keys, spacing and numbers re-serialised by `JSON.stringify`, as the record export did).
 * `head` is the cells before `before` from actorKind on, `tail` those after `after` (the formats order
 * them differently: export-line-sql.ts), each joined and encoded for the format, without the separators
 * around them.
 */
export type ExportLineRow = [seq: string, occurredAtMs: string, head: string, before: string | null, after: string | null, tail: string];

const iso = (milliseconds: string) => new Date(Number(milliseconds)).toISOString();

/** A jsonb cell as `cellValue` wrote it from the parsed value: empty for null, JSON for objects and arrays. */
function jsonCsvCell(text: string | null): string {
  if (text === null) return "";
  const value = JSON.parse(text) as unknown;
  if (value === null) return "";
  return csvCell(typeof value === "object" ? JSON.stringify(value) : String(value));
}

export function exportCsvLine([seq, occurredAtMs, head, before, after, tail]: ExportLineRow): string {
  const occurredAt = iso(occurredAtMs);
  // An ISO date starts with a digit, which csvCell leaves alone; the +YYYYYY form does not.
  const digit = occurredAt.charCodeAt(0) >= 48 && occurredAt.charCodeAt(0) <= 57;
  return `${seq},${digit ? occurredAt : csvCell(occurredAt)},${head},${jsonCsvCell(before)},${jsonCsvCell(after)},${tail}\r\n`;
}

const json = (text: string | null) => (text === null ? "null" : JSON.stringify(JSON.parse(text)));

export function exportJsonLine([seq, occurredAtMs, head, before, after, tail]: ExportLineRow): string {
  return `{"seq":"${seq}","occurredAt":"${iso(occurredAtMs)}",${head},"before":${json(before)},"after":${json(after)},${tail}}\n`;
}
