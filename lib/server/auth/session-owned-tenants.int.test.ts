import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demoGroups } from "@/emulator/seed/organisation";
import { startTestEmulator, type TestEmulator } from "@/emulator/test-support/start-test-emulator";
import { env } from "@/lib/env";
import { db } from "@/lib/server/db/client";
import { ownedTenantIds } from "@/lib/server/tenants/ownership";
import { useEmulator } from "@/test/support";
import { findActiveSession } from "./sessions";
import { sessionTokenOf } from "./sign-in.test-helper";

let emulator: TestEmulator;
beforeAll(async () => {
  emulator = await startTestEmulator();
  useEmulator(emulator.url);
});
afterAll(() => emulator.dispose());

const sorted = (ids: readonly string[] | undefined) => [...(ids ?? [])].sort();

// The session read also returns the tenants its groups own (one statement for what every page needs
// first): it must say exactly what ownership.ts says, archived tenants included, and step aside when
// the groups were just re-read.
describe("the tenants a session's groups own, read with the session", () => {
  it("are those ownedTenantIds gives, without archived tenants, and are left to the caller after a group refresh", async () => {
    const slug = `owned-probe-${randomUUID().slice(0, 8)}`;
    const tenant = await db().tenant.create({ data: { slug, displayName: "Owned probe", ownerGroupId: demoGroups.paymentsOwners, memberGroupIds: [] } });
    const token = await sessionTokenOf("priya.patel@clusterdesk-demo.onmicrosoft.com");

    const session = await findActiveSession(token);
    expect(session?.ownedTenantIds).toContain(tenant.id);
    expect(sorted(session?.ownedTenantIds)).toEqual(sorted(await ownedTenantIds(session?.groupIds ?? [])));

    await db().tenant.update({ where: { id: tenant.id }, data: { archivedAt: new Date() } });
    expect((await findActiveSession(token))?.ownedTenantIds).not.toContain(tenant.id);

    const refreshed = await findActiveSession(token, { now: new Date(Date.now() + env().groupRefreshIntervalMs + 60_000) });
    expect(refreshed?.groupIds).toContain(demoGroups.paymentsOwners);
    expect(refreshed?.ownedTenantIds).toBeUndefined();
  });
});
