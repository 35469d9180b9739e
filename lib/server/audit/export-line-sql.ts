import "server-only";

/**
 * What the streamed export asks PostgreSQL to write (export-copy.ts: `COPY (…) TO STDOUT`), so the
 * events go from the server's CSV writer to the download without being decoded in this process.
 *
 * CSV: the columns of export-format.ts in its order, one SQL expression each. Text a spreadsheet would
 * run as a formula (=, +, -, @, tab, carriage return first) gets an apostrophe, as `csvCell` does;
 * an empty text becomes NULL, which COPY writes as an empty cell (it would quote an empty string);
 * COPY quotes a cell holding a comma, quote or line break (RFC 4180). Snapshots are written as
 * jsonb prints them (`{"a": 1}`), a JSON string snapshot as its text, a JSON null as empty.
 */
const formulaSafe = (text: string) => `CASE WHEN left(${text}, 1) IN ('=', '+', '-', '@', E'\\t', E'\\r') THEN '''' || ${text} ELSE NULLIF(${text}, '') END`;
const snapshotCell = (column: string) =>
  `CASE jsonb_typeof(${column}) WHEN 'null' THEN NULL WHEN 'string' THEN ${formulaSafe(`(${column} #>> '{}')`)} ELSE ${formulaSafe(`${column}::text`)} END`;
/** toISOString's form, in UTC whatever the session's time zone. */
const occurredAt = `to_char(occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

// Aliased so that no output column is named seq: the query's ORDER BY seq would then sort that text.
export const exportCsvSelect = [
  "seq AS seq_number",
  `${occurredAt} AS occurred_text`,
  "actor_kind::text AS actor_kind_text",
  ...["actor_object_id", "actor_name", "actor_upn", "action", "target_type", "target_id", "cluster_id", "tenant_id"].map((column) => `${formulaSafe(column)} AS ${column}_cell`),
  "outcome::text AS outcome_text",
  ...["reason", "correlation_id", "client_ip", "user_agent"].map((column) => `${formulaSafe(column)} AS ${column}_cell`),
  `${snapshotCell("before")} AS before_cell`,
  `${snapshotCell("after")} AS after_cell`,
  "prev_hash AS prev_hash_cell",
  "hash AS hash_cell",
].join(", ");

/** JSON lines: one JSON object per event, the record's keys in its order (seq and occurredAt as strings). */
export const exportJsonSelect = `json_build_object(
  'seq', seq::text, 'occurredAt', ${occurredAt}, 'actorKind', actor_kind::text, 'actorObjectId', actor_object_id, 'actorName', actor_name,
  'actorUpn', actor_upn, 'action', action, 'targetType', target_type, 'targetId', target_id, 'clusterId', cluster_id, 'tenantId', tenant_id,
  'outcome', outcome::text, 'before', before, 'after', after, 'reason', reason, 'correlationId', correlation_id, 'clientIp', client_ip,
  'userAgent', user_agent, 'prevHash', prev_hash, 'hash', hash)::text AS line`;
