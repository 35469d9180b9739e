import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { env } from "@/lib/env";
import { defaultNotificationPreferences, type NotificationPreferences } from "@/lib/notifications/categories";

export type Person = { id: string; name: string; address: string; preferences: NotificationPreferences };

/** Each person's stored choices, or the defaults for someone who never chose. */
export async function preferencesOf(tx: Prisma.TransactionClient, userIds: readonly string[]): Promise<(userId: string) => NotificationPreferences> {
  const rows = await tx.notificationPreference.findMany({ where: { userId: { in: [...userIds] } } });
  const byUser = new Map(rows.map((row) => [row.userId, row]));
  return (userId) => {
    const chosen = byUser.get(userId);
    return chosen
      ? { requestUpdates: chosen.requestUpdates, approvals: chosen.approvals, approvalDigest: chosen.approvalDigest, tenantChanges: chosen.tenantChanges }
      : defaultNotificationPreferences;
  };
}

/**
 * People are resolved from the portal's own records, inside the caller's transaction (no network
 * call may sit in it): a person's address is their UPN, their groups those of their latest
 * session. Group audiences also get a directory fan-out row, which a job expands from Graph
 * afterwards (./directory-fan-out.ts), so approvers and owners who never signed in hear too.
 */
async function knownPeople(tx: Prisma.TransactionClient, where: Prisma.UserWhereInput = {}) {
  const users = await tx.user.findMany({
    where,
    select: { id: true, displayName: true, userPrincipalName: true, sessions: { orderBy: { lastSeenAt: "desc" }, take: 1, select: { groupIds: true } } },
  });
  const preferences = await preferencesOf(tx, users.map((user) => user.id));
  return users.map((user) => ({
    id: user.id,
    name: user.displayName,
    address: user.userPrincipalName,
    groupIds: new Set((user.sessions[0]?.groupIds ?? []).map((id) => id.toLowerCase())),
    preferences: preferences(user.id),
  }));
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
  const ownerGroupIds = await audienceGroupIds(tx, "tenantOwners", tenantId);
  return (await knownPeople(tx)).filter((person) => inAny(person.groupIds, ownerGroupIds));
}

/** The Entra groups whose members make up a group audience. */
export async function audienceGroupIds(tx: Prisma.TransactionClient, audience: "approvers" | "tenantOwners", tenantId: string | null): Promise<string[]> {
  if (audience === "approvers") return [...env().adminGroupIds];
  const tenant = tenantId ? await tx.tenant.findUnique({ where: { id: tenantId }, select: { ownerGroupId: true } }) : null;
  return tenant ? [tenant.ownerGroupId] : [];
}
