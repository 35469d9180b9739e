import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { env } from "@/lib/env";
import { defaultNotificationPreferences, type NotificationPreferences } from "@/lib/notifications/categories";

export type Person = { id: string; name: string; address: string; preferences: NotificationPreferences };

/**
 * People are resolved from the portal's own records, inside the caller's transaction (no network
 * call may sit in it): a person's address is their UPN, their groups those of their latest
 * session. So approvers and tenant owners who never signed in to Clusterdesk get no e-mail yet;
 * the Teams channel, when configured, still hears about everything.
 */
async function knownPeople(tx: Prisma.TransactionClient, where: Prisma.UserWhereInput = {}) {
  const users = await tx.user.findMany({
    where,
    select: { id: true, displayName: true, userPrincipalName: true, sessions: { orderBy: { lastSeenAt: "desc" }, take: 1, select: { groupIds: true } } },
  });
  const preferences = await tx.notificationPreference.findMany({ where: { userId: { in: users.map((user) => user.id) } } });
  const byUser = new Map(preferences.map((row) => [row.userId, row]));
  return users.map((user) => {
    const chosen = byUser.get(user.id);
    return {
      id: user.id,
      name: user.displayName,
      address: user.userPrincipalName,
      groupIds: new Set((user.sessions[0]?.groupIds ?? []).map((id) => id.toLowerCase())),
      preferences: chosen
        ? { requestUpdates: chosen.requestUpdates, approvals: chosen.approvals, approvalDigest: chosen.approvalDigest, tenantChanges: chosen.tenantChanges }
        : defaultNotificationPreferences,
    };
  });
}

const inAny = (groupIds: Set<string>, wanted: readonly string[]) => wanted.some((id) => groupIds.has(id.toLowerCase()));

export async function requesterOf(tx: Prisma.TransactionClient, requesterId: string, requesterUpn: string | null, requesterName: string): Promise<Person | null> {
  if (!requesterUpn) return null; // Clusterdesk's own requests (expiry) have nobody to tell.
  const [known] = await knownPeople(tx, { id: requesterId });
  return known ?? { id: requesterId, name: requesterName, address: requesterUpn, preferences: defaultNotificationPreferences };
}

export async function platformAdmins(tx: Prisma.TransactionClient): Promise<Person[]> {
  const { adminGroupIds } = env();
  return (await knownPeople(tx)).filter((person) => inAny(person.groupIds, adminGroupIds));
}

export async function tenantOwners(tx: Prisma.TransactionClient, tenantId: string): Promise<Person[]> {
  const tenant = await tx.tenant.findUnique({ where: { id: tenantId }, select: { ownerGroupId: true } });
  if (!tenant) return [];
  return (await knownPeople(tx)).filter((person) => inAny(person.groupIds, [tenant.ownerGroupId]));
}
