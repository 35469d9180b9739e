import pg from "pg";
import type { AuditEventRecord } from "../../../lib/audit/audit-event";
import { auditCsvHeader, auditEventToCsvLine } from "../../../lib/audit/export-format";
import type { Prisma } from "../../../lib/generated/prisma/client";

const int8 = 20;
const types = { getTypeParser: ((oid: number, format?: "text" | "binary") => (oid === int8 ? (text: string) => BigInt(text) : pg.types.getTypeParser(oid, format ?? "text"))) as typeof pg.types.getTypeParser };

/**
 * The streamed CSV export as it was before PostgreSQL wrote it with COPY (a server-side cursor, read
 * a batch ahead, in one snapshot), kept here so the benchmark compares both in one run: rows decoded
 * by `pg` into records (Date, BigInt, parsed jsonb) and every cell encoded in JavaScript. Yields the encoded batches; the caller counts and drops them.
 */
export async function* recordCsvExport(databaseUrl: string, query: Prisma.Sql, batchSize: number): AsyncGenerator<Uint8Array> {
  const client = new pg.Client({ connectionString: databaseUrl, application_name: "clusterdesk-bench-record-export", types });
  await client.connect();
  try {
    await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    await client.query(`DECLARE audit_export NO SCROLL CURSOR FOR ${query.text}`, query.values);
    const encoder = new TextEncoder();
    yield encoder.encode(auditCsvHeader);
    const fetch = () => client.query<AuditEventRecord>(`FETCH FORWARD ${batchSize} FROM audit_export`).then((result) => result.rows);
    for (let ahead: Promise<AuditEventRecord[]> | null = fetch(); ahead !== null; ) {
      const rows: AuditEventRecord[] = await ahead;
      ahead = rows.length === batchSize ? fetch() : null;
      if (rows.length > 0) yield encoder.encode(rows.map(auditEventToCsvLine).join(""));
    }
  } finally {
    await client.end();
  }
}
