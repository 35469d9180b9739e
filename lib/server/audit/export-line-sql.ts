import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import type { AuditExportFormat } from "./export-audit-events";

/**
 * The export's columns with each line formatted by PostgreSQL (lib/audit/export-line.ts puts the row
 * together): decoding twenty typed columns per event and encoding each cell in JavaScript was most of
 * the export's time. The expressions mirror export-format.ts exactly: csvCell's formula defusing
 * (=, +, -, @, tab, CR first) and RFC 4180 quoting (", comma, CR, LF), JSON.stringify's string
 * escapes (to_json escapes the same characters the same way); an integration test holds both formats
 * to the record export's bytes.
 */
const csvCell = (column: string) => {
  const defused = `CASE WHEN left(${column}, 1) IN ('=', '+', '-', '@', E'\\t', E'\\r') THEN '''' || ${column} ELSE ${column} END`;
  return `CASE WHEN ${column} IS NULL THEN '' WHEN strpos(${column}, '"') > 0 OR strpos(${column}, ',') > 0 OR strpos(${column}, E'\\n') > 0 OR strpos(${column}, E'\\r') > 0 THEN '"' || replace(${defused}, '"', '""') || '"' ELSE ${defused} END`;
};
const jsonField = (name: string, column: string) => `'"${name}":' || COALESCE(to_json(${column})::text, 'null')`;

// The columns around before/after, in each format's order: the CSV's (export-format.ts) puts the
// request context before the snapshots, the JSON lines' (the record's keys) after them.
const actor = [
  ["actorKind", "actor_kind::text"], ["actorObjectId", "actor_object_id"], ["actorName", "actor_name"], ["actorUpn", "actor_upn"], ["action", "action"],
  ["targetType", "target_type"], ["targetId", "target_id"], ["clusterId", "cluster_id"], ["tenantId", "tenant_id"], ["outcome", "outcome::text"],
] as const;
const context = [["reason", "reason"], ["correlationId", "correlation_id"], ["clientIp", "client_ip"], ["userAgent", "user_agent"]] as const;
const hashes = [["prevHash", "prev_hash"], ["hash", "hash"]] as const;
const around = { csv: { head: [...actor, ...context], tail: hashes }, jsonl: { head: actor, tail: [...context, ...hashes] } } as const;

const cells = (format: AuditExportFormat, columns: ReadonlyArray<readonly [string, string]>) =>
  format === "csv" ? columns.map(([, column]) => csvCell(column)).join(` || ',' || `) : columns.map(([name, column]) => jsonField(name, column)).join(` || ',' || `);

/** seq and occurred_at (epoch ms) as text, the formatted head and tail, and the jsonb columns as text. */
export function exportLineColumns(format: AuditExportFormat): Prisma.Sql {
  return Prisma.raw(
    // Aliased: an output column named seq would be what the query's ORDER BY seq sorts, as text.
    `seq::text AS seq_text, (extract(epoch FROM occurred_at) * 1000)::bigint::text AS occurred_ms, ${cells(format, around[format].head)} AS head,
     before::text AS before_text, after::text AS after_text, ${cells(format, around[format].tail)} AS tail`,
  );
}
