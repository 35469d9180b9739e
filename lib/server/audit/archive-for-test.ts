import "server-only";
import { env } from "@/lib/env";
import type { CurrentUser } from "@/lib/server/auth/current-user";
import { db } from "@/lib/server/db/client";
import { recordAuditEvent } from "./append-audit-event";
import { type AuditArchiveOutcome, archiveAuditLog } from "./archive-audit-log";
import { configuredCheckpointKey } from "./checkpoint";

const backdatedDays = 40;
const retentionDays = 30;

/**
 * Test hook (CLUSTERDESK_TEST_HOOKS, local mode only; app/api/test-hooks/audit-archive): an e2e run's
 * events are minutes old and the database refuses to archive events younger than a day, so this
 * appends one event dated 40 days ago, named for what it is (`audit.test_backdated`, by the admin who
 * asked), and then runs retention's own archiveAuditLog with 30 days into the configured folder: the
 * log up to that event becomes an archive, as the daily job would make it. Refused with a checkpoint
 * key: an event dated before a signed checkpoint is what verification reports as a forged append.
 */
export async function archiveNowForTest(user: CurrentUser): Promise<AuditArchiveOutcome | { archived: false; refused: string }> {
  if (configuredCheckpointKey()) return { archived: false, refused: "A checkpoint key is configured: a backdated event would read as a forged append." };
  await recordAuditEvent({
    actor: { kind: "user", objectId: user.objectId, name: user.displayName, upn: user.userPrincipalName },
    action: "audit.test_backdated",
    target: { type: "audit_log" },
    outcome: "success",
    reason: `Test hook: dated ${backdatedDays} days ago so that retention archives the log up to here.`,
    occurredAt: new Date(Date.now() - backdatedDays * 86_400_000),
  });
  // The head is never archived: one more event, so the backdated one is not the head.
  await recordAuditEvent({ actor: { kind: "system", name: "test hook" }, action: "audit.test_archive_requested", target: { type: "audit_log" }, outcome: "success" });
  return archiveAuditLog(db(), { retentionDays, directory: env().auditRetention.directory, key: null });
}
