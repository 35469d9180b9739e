import { describe, expect, it, vi } from "vitest";
import { demoGroups, demoUsers } from "@/emulator/seed/organisation";
import { db } from "@/lib/server/db/client";
import { asSession } from "@/test/next-request-scope";
import { demoPortalSuite } from "@/test/demo-portal-suite";
import { demoSessionPersonas, type SessionPersona } from "@/test/persona-sessions";
import { type DirectorySearchResult, searchDirectoryAction } from "./search-directory";

// The real action: session from the cookie, policy, Graph's $search against the emulator through the SDK.
vi.mock("next/headers", () => import("@/test/next-request-scope"));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));

const personas = {
  ...demoSessionPersonas("people-search"),
  auditor: { objectId: demoUsers.auditor, name: "Olu Adeyemi", groupIds: [demoGroups.clusterdeskAuditors], token: "people-search-auditor" },
} satisfies Record<string, SessionPersona>;

demoPortalSuite(Object.values(personas));

const search = (who: SessionPersona, term: unknown) => asSession(who.token, () => searchDirectoryAction(term));
const ids = (result: DirectorySearchResult) => {
  if (!result.ok) throw new Error(`expected matches, got ${result.error}`);
  return result.options.map((option) => option.objectId).sort();
};

describe("searching the directory for the people picker", () => {
  it("finds users by name with their UPN, and groups with their member count, for an admin", async () => {
    const result = await search(personas.admin, "liam");
    expect(result).toEqual({ ok: true, options: [{ objectId: demoUsers.paymentsEngineer, type: "User", displayName: "Liam O'Brien", detail: "liam.obrien@clusterdesk-demo.onmicrosoft.com" }] });
    const groups = await search(personas.admin, "team payments");
    expect(groups.ok && groups.options).toEqual([
      { objectId: demoGroups.paymentsOwners, type: "Group", displayName: "Team Payments Owners", detail: "Group · 1 member" },
      { objectId: demoGroups.paymentsMembers, type: "Group", displayName: "Team Payments Members", detail: "Group · 3 members" },
    ]);
  });

  it("gives a team lead only their tenants' groups and members, nested ones included", async () => {
    // Six "Team …" groups exist; the payments lead sees the two of payments.
    expect(ids(await search(personas.paymentsLead, "team"))).toEqual([demoGroups.paymentsOwners, demoGroups.paymentsMembers].sort());
    expect(ids(await search(personas.paymentsLead, "max"))).toEqual([demoUsers.member]);
    // Chen is in search's groups: the admin finds him, the payments lead does not, the search lead does.
    expect(ids(await search(personas.admin, "chen"))).toEqual([demoUsers.searchEngineer]);
    expect(ids(await search(personas.paymentsLead, "chen"))).toEqual([]);
    expect(ids(await search(personas.searchLead, "chen"))).toEqual([demoUsers.searchEngineer]);
  });

  it("lets an auditor search the whole directory (for the person view)", async () => {
    expect(ids(await search(personas.auditor, "chen"))).toEqual([demoUsers.searchEngineer]);
  });

  it("refuses someone who neither grants nor reviews access, and records the refusal", async () => {
    const before = await db().auditEvent.count({ where: { actorObjectId: demoUsers.member } });
    expect(await search(personas.member, "liam")).toEqual({ ok: false, error: "Only platform admins, auditors and team leads can look people up in the directory." });
    expect(await db().auditEvent.count({ where: { actorObjectId: demoUsers.member } })).toBe(before + 1);
  });

  it("explains a term too short or not a string, before asking Graph", async () => {
    expect(await search(personas.admin, "l")).toEqual({ ok: false, error: "Type at least 2 characters." });
    expect(await search(personas.admin, 42)).toEqual({ ok: false, error: "Type a name, mail address or UPN." });
  });

  it("takes quotes in the term as text, not as Graph syntax", async () => {
    expect(ids(await search(personas.admin, '"liam" OR "x'))).toEqual([]);
    expect(ids(await search(personas.admin, 'li"am'))).toEqual([demoUsers.paymentsEngineer]);
  });
});
