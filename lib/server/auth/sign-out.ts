import "server-only";
import { env } from "@/lib/env";
import { appendAuditEvent } from "@/lib/server/audit/append-audit-event";
import { db } from "@/lib/server/db/client";
import type { RequestContext } from "@/lib/server/request-context";
import { entraEndpoints } from "./entra";
import type { SessionUser } from "./sessions";

/** Ends the server session (the cookie stops working at once) and returns Entra's sign-out URL. */
export async function signOut(session: SessionUser, context: RequestContext): Promise<string> {
  await db().$transaction(async (tx) => {
    await tx.session.update({ where: { id: session.sessionId }, data: { revokedAt: new Date() } });
    await appendAuditEvent(tx, {
      actor: { kind: "user", objectId: session.objectId, name: session.displayName, upn: session.userPrincipalName },
      action: "auth.sign_out",
      target: { type: "session", id: session.sessionId },
      outcome: "success",
      correlationId: context.correlationId,
      clientIp: context.clientIp,
      userAgent: context.userAgent,
    });
  });
  const settings = env();
  const url = new URL(entraEndpoints(settings).endSession);
  url.searchParams.set("post_logout_redirect_uri", `${settings.baseUrl}/signed-out`);
  return url.toString();
}
