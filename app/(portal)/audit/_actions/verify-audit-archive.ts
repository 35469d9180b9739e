"use server";

import { z } from "zod";
import { logger } from "@/lib/server/logger";
import { verifyRecordedAuditArchive, type RecordedArchiveVerdict } from "@/lib/server/audit/archive-verify-recorded";
import { authorizeAction } from "@/lib/server/auth/current-user";
import { requestContext } from "@/lib/server/request-context";

export type VerifyArchiveState = { ok: true; data: RecordedArchiveVerdict } | { ok: false; error: string } | null;

const archiveId = z.string().regex(/^[1-9][0-9]{0,18}$/, "Not an archive id.");

/** Verifies one archive file against its audit_archive row and `audit.archived` event; audited with its verdict. */
export async function verifyAuditArchiveAction(id: unknown, _previous: VerifyArchiveState): Promise<VerifyArchiveState> {
  const parsed = archiveId.safeParse(id);
  if (!parsed.success) return { ok: false, error: "Not an archive id." };
  const access = await authorizeAction("audit.read-archives", { kind: "audit" });
  if (!access.ok) return access;
  const context = await requestContext();
  try {
    const verdict = await verifyRecordedAuditArchive(parsed.data, access.user, context);
    return verdict ? { ok: true, data: verdict } : { ok: false, error: "No audit archive has this id." };
  } catch (error) {
    logger.error("audit archive verification failed", { correlationId: context.correlationId, error });
    return { ok: false, error: `The verification could not finish. Try again; quote ${context.correlationId} if it keeps failing.` };
  }
}
