import "server-only";
import { db } from "@/lib/server/db/client";

/**
 * Test hook support (app/api/test-hooks/audit-read-pause): holds an ACCESS EXCLUSIVE lock on
 * audit_event for `milliseconds`, so that every read of the log waits, as at millions of events on a
 * busy database. Resolves once the lock is held; the lock is released when the time is up. Appends
 * wait too, which is why this is a test hook only.
 */
export function holdAuditReads(milliseconds: number): Promise<void> {
  return new Promise<void>((locked, failed) => {
    db()
      .$transaction(
        async (tx) => {
          await tx.$executeRawUnsafe("LOCK TABLE audit_event IN ACCESS EXCLUSIVE MODE");
          locked();
          await tx.$executeRawUnsafe(`SELECT pg_sleep(${(milliseconds / 1000).toFixed(3)})`);
        },
        { timeout: milliseconds + 10_000, maxWait: 10_000 },
      )
      .catch(failed);
  });
}
