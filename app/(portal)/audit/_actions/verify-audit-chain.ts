"use server";

import { logger } from "@/lib/server/logger";
import { authorizeAction } from "@/lib/server/auth/current-user";
import { verifyAuditLog } from "@/lib/server/audit/review-verify";
import { requestContext } from "@/lib/server/request-context";

export type VerifyChainState =
  | { ok: true; data: { intact: boolean; count: number; firstBrokenSeq?: string; tampering?: string; reason?: string; warnings: string[]; archive: { throughSeq: string; archives: number; newestFile: string } | null; checkedAt: string } }
  | { ok: false; error: string }
  | null;

/** Walks the whole chain (the same verifier as `npm run audit:verify`) and reports the verdict. */
export async function verifyAuditChainAction(_previous: VerifyChainState): Promise<VerifyChainState> {
  const access = await authorizeAction("audit.verify", { kind: "audit" });
  if (!access.ok) return access;
  const context = await requestContext();
  try {
    return { ok: true, data: await verifyAuditLog(access.user, context) };
  } catch (error) {
    logger.error("audit chain verification failed", { correlationId: context.correlationId, error });
    return { ok: false, error: `The verification could not finish. Try again; quote ${context.correlationId} if it keeps failing.` };
  }
}
