import "server-only";
import pg from "pg";
import { to as copyTo } from "pg-copy-streams";
import type { Prisma } from "@/lib/generated/prisma/client";
import { env } from "@/lib/env";

export type AuditExportCopy = { chunks: AsyncIterator<Buffer>; close: () => Promise<void> };

/** A parameter's value as PostgreSQL's text input reads it; the review's filters hold only these types. */
function parameterText(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "bigint" || typeof value === "boolean") return String(value);
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) {
    // An array literal: every element quoted, quotes and backslashes escaped.
    return `{${value.map((element) => (element === null ? "NULL" : `"${String(element).replace(/["\\]/g, "\\$&")}"`)).join(",")}}`;
  }
  throw new Error(`The export query has a parameter of an unexpected type (${typeof value}).`);
}

/**
 * A query's parameters written into its text as quoted literals (`escapeLiteral`), because COPY takes
 * no bind parameters. An untyped literal is typed from its context as a parameter is; the review's
 * SQL casts where the context does not say (`::text[]`, `::audit_outcome`).
 */
export function inlineParameters(query: Prisma.Sql): string {
  return query.text.replace(/\$(\d+)/g, (token, position: string) => {
    const index = Number(position) - 1;
    if (index >= query.values.length) throw new Error(`The export query has no value for ${token}.`);
    const text = parameterText(query.values[index]);
    return text === null ? "NULL" : pg.escapeLiteral(text);
  });
}

/**
 * `COPY (select) TO STDOUT` of one audit query on a connection of its own, in a read-only REPEATABLE
 * READ transaction: one snapshot for the whole export, written by PostgreSQL's own CSV writer and
 * passed on as it arrives (the stream's buffer bounds memory whatever the length; a reader who stops
 * pulling stops the server). A COPY waiting on its reader is not an idle transaction, so the server
 * would not end it: a reader who has not asked for the next chunk for `stalledMs` (five minutes) has
 * the connection closed here, so a stalled download cannot hold its snapshot, and vacuum, back.
 * `options`: COPY's, e.g. `FORMAT csv`.
 */
export async function openAuditExportCopy(select: string, options: string, stalledMs = 5 * 60_000): Promise<AuditExportCopy> {
  const { databaseUrl } = env();
  if (!databaseUrl) throw new Error("DATABASE_URL is not set");
  const client = new pg.Client({ connectionString: databaseUrl, application_name: "clusterdesk-audit-export" });
  await client.connect();
  let open = true;
  let stalled: NodeJS.Timeout | undefined;
  const close = async () => {
    clearTimeout(stalled);
    if (!open) return;
    open = false;
    // Ending the connection ends the COPY and rolls the read-only transaction back.
    await client.end().catch(() => undefined);
  };
  try {
    await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    await client.query("SET LOCAL idle_in_transaction_session_timeout = '5min'");
    // A larger buffer than a stream's 16 KB default: fewer, larger chunks for the download, and the server keeps
    // writing while this process hands a chunk on.
    const stream = client.query(copyTo(`COPY (${select}) TO STDOUT WITH (${options})`, { highWaterMark: 512 * 1024 }));
    stream.once("error", () => void close());
    const iterator = stream[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
    const chunks: AsyncIterator<Buffer> = {
      next: async () => {
        clearTimeout(stalled);
        const result = await iterator.next();
        if (!result.done) stalled = setTimeout(() => void close(), stalledMs).unref();
        return result;
      },
    };
    return { chunks, close };
  } catch (error) {
    await close();
    throw error;
  }
}
