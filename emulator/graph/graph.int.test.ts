import { Client, GraphError, PageIterator, type PageCollection } from "@microsoft/microsoft-graph-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demoGroups, demoUsers } from "../seed/organisation";
import { clusterdeskCredential } from "../test-support/sdk-clients";
import { startTestEmulator, type TestEmulator } from "../test-support/start-test-emulator";

let emulator: TestEmulator;

beforeAll(async () => {
  emulator = await startTestEmulator({ graphPageSize: 5 });
});
afterAll(() => emulator.dispose());

/** WIRE-PROTOCOLS §3: https base URL plus customHosts, or the client silently sends no token. */
function graphClient(accessToken: () => Promise<string>): Client {
  return Client.initWithMiddleware({
    authProvider: { getAccessToken: accessToken },
    baseUrl: `${emulator.url}/`,
    customHosts: new Set(["localhost"]),
  });
}
const appClient = () => graphClient(async () => (await clusterdeskCredential(emulator).getToken("https://graph.microsoft.com/.default")).token);
const userClient = (user: string) => graphClient(() => emulator.issueTestToken({ user, audience: "graph" }));

describe("Microsoft Graph v1.0 through @microsoft/microsoft-graph-client", () => {
  it("searches users with ConsistencyLevel: eventual", async () => {
    const result = (await appClient().api("/users").header("ConsistencyLevel", "eventual").search('"displayName:ali" OR "mail:ali"').select("id,displayName,mail").get()) as { value: Array<{ id: string }>; "@odata.context": string };
    expect(result.value.map((user) => user.id).sort()).toEqual([demoUsers.analyticsEngineer, demoUsers.platformEngineer].sort());
    expect(result["@odata.context"]).toBe("https://graph.microsoft.com/v1.0/$metadata#users(id,displayName,mail)");
  });

  it("refuses $search without ConsistencyLevel with the real 400", async () => {
    const error = (await appClient().api("/users").search('"displayName:ali"').get().catch((e: unknown) => e)) as GraphError;
    expect(error).toBeInstanceOf(GraphError);
    expect(error.statusCode).toBe(400);
    expect(error.code).toBe("Request_UnsupportedQuery");
    expect(error.message).toBe("Request with $search query parameter only works through MSGraph with a special request header: 'ConsistencyLevel: eventual'");
  });

  it("searches groups and counts a group's members, both only with ConsistencyLevel: eventual", async () => {
    const client = appClient();
    const groups = (await client.api("/groups").header("ConsistencyLevel", "eventual").search('"displayName:team pay" OR "mail:team pay"').select("id,displayName,mail").top(10).get()) as { value: Array<{ id: string }> };
    expect(groups.value.map((group) => group.id)).toEqual([demoGroups.paymentsOwners, demoGroups.paymentsMembers]);
    const counted = (await client.api(`/groups/${demoGroups.paymentsMembers}/members`).header("ConsistencyLevel", "eventual").count(true).select("id").top(1).get()) as { "@odata.count": number; value: unknown[] };
    expect([counted["@odata.count"], counted.value.length]).toEqual([3, 1]);
    const refused = (await client.api(`/groups/${demoGroups.paymentsMembers}/members`).count(true).get().catch((e: unknown) => e)) as GraphError;
    expect([refused.statusCode, refused.code]).toEqual([400, "Request_BadRequest"]);
  });

  it("lists a user's and a group's groups transitively for the person view", async () => {
    const client = appClient();
    const ofUser = (await client.api(`/users/${demoUsers.paymentsLead}/transitiveMemberOf`).get()) as { value: Array<{ id: string; "@odata.type": string }> };
    expect(ofUser.value.map((group) => group.id).sort()).toEqual([demoGroups.paymentsOwners, demoGroups.paymentsMembers, demoGroups.allEngineering].sort());
    expect(ofUser.value.every((group) => group["@odata.type"] === "#microsoft.graph.group")).toBe(true);
    const ofGroup = (await client.api(`/groups/${demoGroups.paymentsOwners}/transitiveMemberOf`).get()) as { value: Array<{ id: string }> };
    expect(ofGroup.value.map((group) => group.id).sort()).toEqual([demoGroups.paymentsMembers, demoGroups.allEngineering].sort());
  });

  it("filters groups with startswith and pages through @odata.nextLink", async () => {
    const client = appClient();
    const first = (await client.api("/groups").filter("startswith(displayName,'Team')").get()) as PageCollection;
    expect(first["@odata.nextLink"]).toMatch(/^https:\/\/localhost:\d+\/v1\.0\/groups\?/);
    const names: string[] = [];
    await new PageIterator(client, first, (group: { displayName: string }) => {
      names.push(group.displayName);
      return true;
    }).iterate();
    expect(names).toHaveLength(6);
    expect(names.every((name) => name.startsWith("Team"))).toBe(true);
  });

  it("answers /me, memberOf, transitiveMemberOf and checkMemberGroups for a user token", async () => {
    const client = userClient("member");
    expect(((await client.api("/me").get()) as { id: string }).id).toBe(demoUsers.member);
    const direct = (await client.api("/me/memberOf").get()) as { value: Array<{ id: string; "@odata.type": string }> };
    expect(direct.value.map((group) => group.id)).toEqual([demoGroups.paymentsMembers]);
    expect(direct.value[0]?.["@odata.type"]).toBe("#microsoft.graph.group");
    const transitive = (await client.api("/me/transitiveMemberOf").get()) as { value: Array<{ id: string }> };
    expect(transitive.value.map((group) => group.id)).toEqual([demoGroups.paymentsMembers, demoGroups.allEngineering]);
    const check = (await client.api("/me/checkMemberGroups").post({ groupIds: [demoGroups.allEngineering, demoGroups.clusterdeskAdmins] })) as { value: string[] };
    expect(check.value).toEqual([demoGroups.allEngineering]);
    const tooMany = (await client.api("/me/checkMemberGroups").post({ groupIds: Array.from({ length: 21 }, () => demoGroups.allEngineering) }).catch((e: unknown) => e)) as GraphError;
    expect(tooMany.statusCode).toBe(400);
  });

  it("resolves the groups overage through getMemberObjects", async () => {
    const result = (await appClient().api(`/users/${demoUsers.overage}/getMemberObjects`).post({ securityEnabledOnly: true })) as { value: string[] };
    expect(result.value.length).toBeGreaterThan(200);
    expect(result.value).toContain(demoGroups.searchMembers);
  });

  it("rejects ARM tokens and unknown objects like Graph", async () => {
    const wrong = (await graphClient(() => emulator.issueTestToken({ user: "admin", audience: "arm" })).api("/me").get().catch((e: unknown) => e)) as GraphError;
    expect([wrong.statusCode, wrong.code]).toEqual([401, "InvalidAuthenticationToken"]);
    const missing = (await appClient().api("/users/00000000-0000-4000-8000-000000000000").get().catch((e: unknown) => e)) as GraphError;
    expect([missing.statusCode, missing.code]).toEqual([404, "Request_ResourceNotFound"]);
    const appMe = (await appClient().api("/me").get().catch((e: unknown) => e)) as GraphError;
    expect(appMe.statusCode).toBe(400);
  });
});
