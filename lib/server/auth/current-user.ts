import "server-only";
import { cookies } from "next/headers";
import { forbidden, redirect } from "next/navigation";
import { cache } from "react";
import { env } from "@/lib/env";
import { type Action, type Principal, type Resource, decide } from "@/lib/auth/policy";
import { portalRolesFor } from "@/lib/auth/roles";
import { recordAuditEvent } from "@/lib/server/audit/append-audit-event";
import { requestContext } from "@/lib/server/request-context";
import { ownedTenantIds } from "@/lib/server/tenants/ownership";
import { sessionCookie } from "./session-cookie";
import { findActiveSession, type SessionUser } from "./sessions";

export type CurrentUser = SessionUser & { principal: Principal };

/** The signed-in user of this request, or null. Runs once per request (React cache). */
export const getCurrentUser = cache(async (): Promise<CurrentUser | null> => {
  const token = (await cookies()).get(sessionCookie().name)?.value;
  if (!token) return null;
  const session = await findActiveSession(token, { context: await requestContext() });
  if (!session) return null;
  const settings = env();
  return {
    ...session,
    principal: {
      objectId: session.objectId,
      roles: portalRolesFor(session.groupIds, settings),
      ownedTenantIds: session.ownedTenantIds ?? (await ownedTenantIds(session.groupIds)),
    },
  };
});

/** For pages: the signed-in user, or a redirect to sign-in that comes back to this page. */
export async function requireUser(): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (user) return user;
  const { path } = await requestContext();
  redirect(`/sign-in?returnTo=${encodeURIComponent(path)}`);
}

async function auditDenial(user: CurrentUser, action: Action, resource: Resource, reason: string): Promise<void> {
  const context = await requestContext();
  await recordAuditEvent({
    actor: { kind: "user", objectId: user.objectId, name: user.displayName, upn: user.userPrincipalName },
    action: "access.denied",
    outcome: "denied",
    target: { type: resource.kind, id: "tenantId" in resource ? resource.tenantId : null },
    after: { attemptedAction: action, path: context.path },
    reason,
    correlationId: context.correlationId,
    clientIp: context.clientIp,
    userAgent: context.userAgent,
  });
}

/** For pages: the user if the policy allows `action` on `resource`; otherwise an audited 403 page. */
export async function authorizePage(action: Action, resource: Resource): Promise<CurrentUser> {
  const user = await requireUser();
  const decision = decide(user.principal, action, resource);
  if (decision.allowed) return user;
  await auditDenial(user, action, resource, decision.reason);
  forbidden();
}

export type ActionDenied = { ok: false; error: string };

/** For server actions: the user if allowed, otherwise an expected error value (and an audit event). */
export async function authorizeAction(action: Action, resource: Resource): Promise<{ ok: true; user: CurrentUser } | ActionDenied> {
  const user = await getCurrentUser();
  if (!user) return { ok: false, error: "Your session has ended. Sign in again and retry." };
  const decision = decide(user.principal, action, resource);
  if (decision.allowed) return { ok: true, user };
  await auditDenial(user, action, resource, decision.reason);
  return { ok: false, error: decision.reason };
}
