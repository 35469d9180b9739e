import "server-only";
import pg from "pg";
import type { ExportLineRow } from "@/lib/audit/export-line";
import type { Prisma } from "@/lib/generated/prisma/client";
import { env } from "@/lib/env";

export type AuditEventCursor = { next: () => Promise<ExportLineRow[]>; close: () => Promise<void> };

// Every column of the export's query is text (export-line-sql.ts): rows stay the strings PostgreSQL sent.
const asText = (text: string) => text;
const types = { getTypeParser: (() => asText) as unknown as typeof pg.types.getTypeParser };

/**
 * The rows of one audit query from a server-side cursor (`DECLARE … CURSOR`, `FETCH n`) on a
 * connection of its own, in a read-only REPEATABLE READ transaction: one snapshot for the whole
 * export, rows left as the text PostgreSQL sent (arrays, no parsing, no ORM round), and memory for two batches
 * (the one being encoded and the one being fetched) whatever the length. A reader who stops pulling leaves the transaction idle: the server ends it
 * after five minutes so a stalled download cannot hold back vacuum; the next fetch then fails.
 */
export async function openAuditEventCursor(query: Prisma.Sql, batchSize: number): Promise<AuditEventCursor> {
  const { databaseUrl } = env();
  if (!databaseUrl) throw new Error("DATABASE_URL is not set");
  const client = new pg.Client({ connectionString: databaseUrl, application_name: "clusterdesk-audit-export", types });
  await client.connect();
  let open = true;
  const close = async () => {
    if (!open) return;
    open = false;
    // Ending the connection rolls the read-only transaction back and drops the cursor with it.
    await client.end().catch(() => undefined);
  };
  try {
    await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    await client.query("SET LOCAL idle_in_transaction_session_timeout = '5min'");
    // The export reads every row: plan for the whole result, as COPY would, not for the first 10%
    // (a cursor's default), which for a tenant's export walked the primary key over the whole table.
    await client.query("SET LOCAL cursor_tuple_fraction = 1");
    await client.query(`DECLARE audit_export NO SCROLL CURSOR FOR ${query.text}`, query.values);
  } catch (error) {
    await close();
    throw error;
  }
  const fetch = () => client.query<ExportLineRow>({ text: `FETCH FORWARD ${Math.trunc(batchSize)} FROM audit_export`, rowMode: "array" }).then((result) => result.rows);
  // One batch ahead: PostgreSQL reads the next batch while this process encodes the current one.
  let ahead: Promise<ExportLineRow[]> | null = null;
  return {
    next: async () => {
      const rows = await (ahead ?? fetch());
      ahead = rows.length === batchSize && open ? fetch() : null;
      // Closing while a batch is on its way rejects it; nobody awaits it then.
      ahead?.catch(() => undefined);
      return rows;
    },
    close,
  };
}
