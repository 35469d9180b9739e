import { afterAll, beforeAll, expect, it, vi } from "vitest";
import { startTestEmulator, type TestEmulator } from "@/emulator/test-support/start-test-emulator";
import { demoGroups, demoUsers } from "@/emulator/seed/organisation";
import { localDemoOrganisation } from "@/lib/config/local-mode";
import { env } from "@/lib/env";
import { getCurrentUser } from "@/lib/server/auth/current-user";
import { db } from "@/lib/server/db/client";
import { migrate } from "@/lib/server/db/migrations";
import { stopJobQueue } from "@/lib/server/jobs/queue";
import type { TestDatabase } from "@/scripts/lib/test-database";
import { setAppEnvironment } from "@/test/app-under-test";
import { asSession } from "@/test/next-request-scope";
import { openPersonaSessions } from "@/test/persona-sessions";
import { createIsolatedDatabase } from "@/test/support";
import { createTenantAction } from "./create-tenant";

/**
 * A real organisation's first day: Azure mode (the emulator standing in for Entra ID, ARM and Graph
 * as a custom cloud), a freshly migrated database with no seed and no tenant, so nobody is a team
 * lead yet. A platform admin (by Entra group) onboards the first tenant, and its owner group's
 * members become its leads.
 */
vi.mock("next/headers", () => import("@/test/next-request-scope"));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));

let emulator: TestEmulator;
let database: TestDatabase;
const admin = { objectId: demoUsers.admin, name: "Alex Admin", groupIds: [demoGroups.clusterdeskAdmins], token: "first-tenant-admin" };
const lead = { objectId: demoUsers.analyticsLead, name: "Analytics lead", groupIds: [demoGroups.analyticsOwners], token: "first-tenant-lead" };

beforeAll(async () => {
  database = await createIsolatedDatabase("first_tenant");
  await migrate(database.url);
  emulator = await startTestEmulator();
  // Before anything asks for env(): lib/env.ts parses once.
  setAppEnvironment({
    DATABASE_URL: database.url,
    CLUSTERDESK_MODE: "azure",
    CLUSTERDESK_BASE_URL: "https://clusterdesk.contoso.test",
    AZURE_TENANT_ID: localDemoOrganisation.tenantId,
    AZURE_CLIENT_ID: localDemoOrganisation.clientId,
    AZURE_CLIENT_SECRET: localDemoOrganisation.clientSecret,
    AZURE_AUTHORITY_HOST: emulator.url,
    AZURE_RESOURCE_MANAGER_URL: emulator.url,
    AZURE_RESOURCE_MANAGER_AUDIENCE: "https://management.azure.com",
    MICROSOFT_GRAPH_URL: emulator.url,
    AZURE_SUBSCRIPTION_IDS: localDemoOrganisation.subscriptionIds.join(","),
    CLUSTERDESK_ADMIN_GROUP_IDS: localDemoOrganisation.adminGroupIds.join(","),
    CLUSTERDESK_EMULATOR_URL: undefined,
  });
  await openPersonaSessions([admin, lead]);
});

afterAll(async () => {
  await stopJobQueue();
  await db().$disconnect();
  await emulator.dispose();
  await database.drop();
});

it("lets an admin onboard the first tenant into an empty database in Azure mode; its owners become leads", { timeout: 120_000 }, async () => {
  expect(env().mode).toBe("azure");
  expect(await db().tenant.count()).toBe(0);
  expect((await asSession(lead.token, getCurrentUser))?.principal.ownedTenantIds).toEqual([]);

  const data = new FormData();
  for (const [name, value] of Object.entries({ slug: "orion", displayName: "Orion", ownerGroupId: demoGroups.analyticsOwners, contacts: "orion-team@contoso.example", costCentre: "CC-1001", justification: "" })) data.set(name, value);
  data.append("memberGroupIds", demoGroups.analyticsMembers);
  const created = await asSession(admin.token, () => createTenantAction({ status: "idle" }, data));
  expect(created).toMatchObject({ status: "done", slug: "orion" });

  const tenant = await db().tenant.findUniqueOrThrow({ where: { slug: "orion" } });
  expect(tenant).toMatchObject({ ownerGroupId: demoGroups.analyticsOwners, memberGroupIds: [demoGroups.analyticsMembers] });
  expect(await db().auditEvent.count({ where: { action: "tenant.created", targetId: tenant.id } })).toBe(1);
  // A new request scope (React cache is per request): the owner group's member is now orion's lead.
  expect((await asSession(lead.token, getCurrentUser))?.principal.ownedTenantIds).toEqual([tenant.id]);
});
