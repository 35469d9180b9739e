import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { recordAuditEvent } from "./append-audit-event";

/** The database itself refuses to change or remove audit events, whoever asks. */
let client: pg.Client;
let seq: bigint;
beforeAll(async () => {
  ({ seq } = await recordAuditEvent({ actor: { kind: "system", name: "trigger test" }, action: "test.trigger_probe", outcome: "success" }));
  client = new pg.Client({ connectionString: inject("databaseUrl") });
  await client.connect();
});
afterAll(() => client.end());

describe("audit_event trigger", () => {
  it.each([
    ["UPDATE", `UPDATE audit_event SET reason = 'tampered' WHERE seq = $1`, true],
    ["DELETE", `DELETE FROM audit_event WHERE seq = $1`, true],
    ["TRUNCATE", `TRUNCATE audit_event`, false],
  ])("refuses %s", async (operation, sql, withSeq) => {
    await expect(client.query(sql, withSeq ? [seq.toString()] : [])).rejects.toThrow(`audit_event is append-only: ${operation} is not allowed`);
    const { rows } = await client.query<{ reason: string | null }>(`SELECT reason FROM audit_event WHERE seq = $1`, [seq.toString()]);
    expect(rows).toEqual([{ reason: null }]);
  });
});
