import { demoGroups, demoSubscriptions, demoUsers } from "@/emulator/seed/organisation";
import { localDemoOrganisation } from "@/lib/config/local-mode";
import { sessionIdOf } from "@/lib/server/auth/sessions";
import { syncInventory } from "@/lib/server/clusters/sync-inventory";
import { db } from "@/lib/server/db/client";
import { seedDemoTenants } from "@/scripts/lib/seed-demo-tenants";
import { appDatabaseUrl } from "./app-under-test";

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

/**
 * The demo organisation's people as session personas. `tokenPrefix` keeps each test file's session
 * tokens its own: files share one database.
 */
export function demoSessionPersonas(tokenPrefix: string) {
  const persona = (objectId: string, name: string, groupId: string, role: string): SessionPersona => ({ objectId, name, groupIds: [groupId], token: `${tokenPrefix}-${role}` });
  return {
    admin: persona(demoUsers.admin, "Alex Admin", demoGroups.clusterdeskAdmins, "admin"),
    secondAdmin: persona(demoUsers.platformEngineer, "Alice Nguyen", demoGroups.clusterdeskAdmins, "second-admin"),
    paymentsLead: persona(demoUsers.paymentsLead, "Priya Patel", demoGroups.paymentsOwners, "payments-lead"),
    searchLead: persona(demoUsers.searchLead, "Sofia Rossi", demoGroups.searchOwners, "search-lead"),
    member: persona(demoUsers.member, "Max Müller", demoGroups.paymentsMembers, "member"),
  };
}

const clusterId = (subscriptionId: string, resourceGroup: string, name: string) => `/subscriptions/${subscriptionId}/resourceGroups/${resourceGroup}/providers/Microsoft.ContainerService/managedClusters/${name}`;

/** The shared clusters of the demo: Azure RBAC non-production, Kubernetes RBAC production. */
export const sharedDev = clusterId(demoSubscriptions.nonProduction, "rg-dev", "aks-shared-dev");
export const sharedProd = clusterId(demoSubscriptions.production, "rg-platform-prod", "aks-platform-shared");

/**
 * What a server action's integration test needs before its first call, as in the running portal:
 * the demo tenants, the personas' sessions, and the inventory (production tags and hosted tenants
 * come from it). Returns the payments and search tenants' ids.
 */
export async function prepareDemoPortal(personas: readonly SessionPersona[]): Promise<{ payments: string; search: string }> {
  await seedDemoTenants({ url: appDatabaseUrl(), origin: "throw-away" });
  const tenantId = async (slug: string) => (await db().tenant.findUniqueOrThrow({ where: { slug }, select: { id: true } })).id;
  const tenants = { payments: await tenantId("payments"), search: await tenantId("search") };
  await openPersonaSessions(personas);
  await syncInventory();
  return tenants;
}
