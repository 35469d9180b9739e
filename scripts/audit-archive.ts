/**
 * npm run audit:archive — archives the audit events of DATABASE_URL older than
 * CLUSTERDESK_AUDIT_RETENTION_DAYS into CLUSTERDESK_AUDIT_ARCHIVE_DIR, then removes them from the hot
 * table (lib/server/audit/archive-audit-log.ts). The worker runs the same daily. Safe to re-run.
 * Exit 0 when archived or nothing was due, 2 when it cannot run (e.g. retention unset).
 */
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "../lib/generated/prisma/client";
import { env } from "../lib/env";
import { archiveAuditLog } from "../lib/server/audit/archive-audit-log";
import { configuredCheckpointKey } from "../lib/server/audit/checkpoint";

const settings = env();
if (!settings.databaseUrl) {
  console.error("DATABASE_URL is required");
  process.exit(2);
}
const client = new PrismaClient({ adapter: new PrismaPg({ connectionString: settings.databaseUrl, max: 1 }) });
try {
  const { days, directory } = settings.auditRetention;
  if (days === null) throw new Error("CLUSTERDESK_AUDIT_RETENTION_DAYS is not set: audit events are kept forever");
  const outcome = await archiveAuditLog(client, { retentionDays: days, directory, key: configuredCheckpointKey() });
  if (outcome.archived) console.log(`archived events ${outcome.firstSeq}..${outcome.lastSeq} to ${outcome.file} (sha256 ${outcome.sha256}); ${outcome.deleted} removed from audit_event`);
  else console.log(`nothing archived: ${outcome.reason}`);
} catch (error) {
  console.error(`audit:archive could not run: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 2;
} finally {
  await client.$disconnect();
}
