import { csvCell } from "./export-format";

type Text = string | null;

/**
 * One exported event as PostgreSQL sends it (lib/server/audit/export-line-sql.ts): every column as
 * text, in the record's order, `occurredAt` as epoch milliseconds and `before`/`after` as jsonb text.
 * The lines below are byte for byte those of export-format.ts's record functions, without decoding
 * the row into a record first.
 */
export type ExportLineRow = [
  seq: string, occurredAtMs: string, actorKind: string, actorObjectId: Text, actorName: Text, actorUpn: Text, action: string,
  targetType: Text, targetId: Text, clusterId: Text, tenantId: Text, outcome: string, before: Text, after: Text,
  reason: Text, correlationId: Text, clientIp: Text, userAgent: Text, prevHash: string, hash: string,
];

const iso = (milliseconds: string) => new Date(Number(milliseconds)).toISOString();
const cell = (text: Text) => (text === null ? "" : csvCell(text));

/** A jsonb cell as `cellValue` wrote it from the parsed value: empty for null, JSON for objects and arrays. */
function jsonCsvCell(text: Text): string {
  if (text === null) return "";
  const value = JSON.parse(text) as unknown;
  if (value === null) return "";
  return csvCell(typeof value === "object" ? JSON.stringify(value) : String(value));
}

/** The CSV line: the columns of export-format.ts, request context before the snapshots. */
export function exportCsvLine(row: ExportLineRow): string {
  const [seq, ms, actorKind, actorObjectId, actorName, actorUpn, action, targetType, targetId, clusterId, tenantId, outcome, before, after, reason, correlationId, clientIp, userAgent, prevHash, hash] = row;
  return `${seq},${cell(iso(ms))},${cell(actorKind)},${cell(actorObjectId)},${cell(actorName)},${cell(actorUpn)},${cell(action)},${cell(targetType)},${cell(targetId)},${cell(clusterId)},${cell(tenantId)},${cell(outcome)},${cell(reason)},${cell(correlationId)},${cell(clientIp)},${cell(userAgent)},${jsonCsvCell(before)},${jsonCsvCell(after)},${cell(prevHash)},${cell(hash)}\r\n`;
}

const string = (text: Text) => JSON.stringify(text);
const json = (text: Text) => (text === null ? "null" : JSON.stringify(JSON.parse(text)));

/** The JSON line: the record's keys in its order (seq and occurredAt as strings). */
export function exportJsonLine(row: ExportLineRow): string {
  const [seq, ms, actorKind, actorObjectId, actorName, actorUpn, action, targetType, targetId, clusterId, tenantId, outcome, before, after, reason, correlationId, clientIp, userAgent, prevHash, hash] = row;
  return `{"seq":"${seq}","occurredAt":"${iso(ms)}","actorKind":${string(actorKind)},"actorObjectId":${string(actorObjectId)},"actorName":${string(actorName)},"actorUpn":${string(actorUpn)},"action":${string(action)},"targetType":${string(targetType)},"targetId":${string(targetId)},"clusterId":${string(clusterId)},"tenantId":${string(tenantId)},"outcome":${string(outcome)},"before":${json(before)},"after":${json(after)},"reason":${string(reason)},"correlationId":${string(correlationId)},"clientIp":${string(clientIp)},"userAgent":${string(userAgent)},"prevHash":${string(prevHash)},"hash":${string(hash)}}\n`;
}
