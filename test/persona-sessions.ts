import { localDemoOrganisation } from "@/lib/config/local-mode";
import { sessionIdOf } from "@/lib/server/auth/sessions";
import { db } from "@/lib/server/db/client";

/** A signed-in demo user for actions' integration tests: the cookie `token` is its session. */
export type SessionPersona = { objectId: string; name: string; groupIds: string[]; token: string };

/** Records each persona's user and an open session (1 h), as a real sign-in would have. */
export async function openPersonaSessions(personas: readonly SessionPersona[], now = new Date()): Promise<void> {
  for (const persona of personas) {
    const user = { entraTenantId: localDemoOrganisation.tenantId, displayName: persona.name, userPrincipalName: `${persona.objectId}@contoso.example`, lastSignInAt: now };
    await db().user.upsert({ where: { id: persona.objectId }, create: { id: persona.objectId, ...user }, update: user });
    const session = { userId: persona.objectId, groupIds: persona.groupIds, lastSeenAt: now, expiresAt: new Date(now.getTime() + 3_600_000) };
    await db().session.upsert({ where: { id: sessionIdOf(persona.token) }, create: { id: sessionIdOf(persona.token), ...session }, update: session });
  }
}
