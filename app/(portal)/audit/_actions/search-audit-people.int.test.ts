import { describe, expect, it, vi } from "vitest";
import { demoGroups, demoUsers } from "@/emulator/seed/organisation";
import { db } from "@/lib/server/db/client";
import { reviewPersonOption } from "@/lib/server/audit/review-options";
import { asSession } from "@/test/next-request-scope";
import { demoPortalSuite } from "@/test/demo-portal-suite";
import { demoSessionPersonas, type SessionPersona } from "@/test/persona-sessions";
import type { DirectorySearchResult } from "../../access/_actions/search-directory";
import { searchAuditPeopleAction } from "./search-audit-people";

// The real action: session from the cookie, policy, Graph's $search against the emulator through the SDK.
vi.mock("next/headers", () => import("@/test/next-request-scope"));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));

const personas = {
  ...demoSessionPersonas("audit-people"),
  auditor: { objectId: demoUsers.auditor, name: "Olu Adeyemi", groupIds: [demoGroups.clusterdeskAuditors], token: "audit-people-auditor" },
} satisfies Record<string, SessionPersona>;

demoPortalSuite(Object.values(personas));

const search = (who: SessionPersona, term: unknown) => asSession(who.token, () => searchAuditPeopleAction(term));
const ids = (result: DirectorySearchResult) => {
  if (!result.ok) throw new Error(`expected matches, got ${result.error}`);
  return result.options.map((option) => option.objectId).sort();
};

describe("the audit page's person filter", () => {
  it("finds people, never groups (the log's actors are users), for an auditor", async () => {
    expect(await search(personas.auditor, "liam")).toEqual({ ok: true, options: [{ objectId: demoUsers.paymentsEngineer, type: "User", displayName: "Liam O'Brien", detail: "liam.obrien@clusterdesk-demo.onmicrosoft.com" }] });
    expect(ids(await search(personas.auditor, "team payments"))).toEqual([]);
  });

  it("gives a team lead their tenants' people only", async () => {
    expect(ids(await search(personas.paymentsLead, "chen"))).toEqual([]);
    expect(ids(await search(personas.searchLead, "chen"))).toEqual([demoUsers.searchEngineer]);
  });

  it("refuses someone who may not read the log, and records the refusal", async () => {
    const before = await db().auditEvent.count({ where: { actorObjectId: demoUsers.member } });
    expect(await search(personas.member, "liam")).toEqual({ ok: false, error: "Only platform admins, auditors and team leads can look people up in the directory." });
    expect(await db().auditEvent.count({ where: { actorObjectId: demoUsers.member } })).toBe(before + 1);
  });

  it("names the person in the URL for an auditor, but a lead only themselves", async () => {
    const principal = (objectId: string, roles: Array<"auditor">, ownedTenantIds: string[] = []) => ({ objectId, roles, ownedTenantIds });
    const priya = { objectId: demoUsers.paymentsLead };
    expect(await reviewPersonOption(principal(demoUsers.auditor, ["auditor"]), priya)).toMatchObject({ objectId: demoUsers.paymentsLead, displayName: "Priya Patel" });
    expect(await reviewPersonOption(principal(demoUsers.searchLead, [], ["t"]), priya)).toMatchObject({ objectId: demoUsers.paymentsLead, displayName: demoUsers.paymentsLead, detail: "object id" });
    expect(await reviewPersonOption(principal(demoUsers.paymentsLead, [], ["t"]), priya)).toMatchObject({ displayName: "Priya Patel" });
    expect(await reviewPersonOption(principal(demoUsers.auditor, ["auditor"]), undefined)).toBeNull();
  });
});
