import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Client } from "@microsoft/microsoft-graph-client";
import { demoGroups, demoServicePrincipals, demoUsers, tenantDomain } from "../seed/organisation";
import { startTestEmulator, type TestEmulator } from "../test-support/start-test-emulator";

/**
 * What the Azure CLI asks Graph to resolve an assignee and to name principals in role assignment lists:
 * `POST /directoryObjects/getByIds` and `GET /servicePrincipals?$filter=servicePrincipalNames/any(…)`.
 */
let emulator: TestEmulator;
let graph: Client;
beforeAll(async () => {
  emulator = await startTestEmulator();
  const token = await emulator.issueTestToken({ servicePrincipal: demoServicePrincipals.clusterdesk.appId, audience: "graph" });
  graph = Client.initWithMiddleware({ authProvider: { getAccessToken: () => Promise.resolve(token) }, baseUrl: `${emulator.url}/`, customHosts: new Set(["localhost"]) });
});
afterAll(() => emulator.dispose());

type Found = { value: Array<Record<string, unknown>> };

describe("directoryObjects/getByIds", () => {
  it("returns the users, groups and service principals among the ids, typed, and skips unknown ids", async () => {
    const ids = [demoUsers.paymentsEngineer, demoGroups.paymentsMembers, demoServicePrincipals.ciDeployer.id, "0f000000-0000-4000-8000-0000000000ff"];
    const found = (await graph.api("/directoryObjects/getByIds").post({ ids, types: ["user", "group", "servicePrincipal", "directoryObjectPartnerReference"] })) as Found & { "@odata.context": string };
    expect(found["@odata.context"]).toBe("https://graph.microsoft.com/v1.0/$metadata#directoryObjects");
    expect(found.value).toHaveLength(3);
    expect(found.value[0]).toMatchObject({ "@odata.type": "#microsoft.graph.user", id: demoUsers.paymentsEngineer, userPrincipalName: `liam.obrien@${tenantDomain}`, accountEnabled: true });
    expect(found.value[1]).toMatchObject({ "@odata.type": "#microsoft.graph.group", id: demoGroups.paymentsMembers, displayName: "Team Payments Members" });
    expect(found.value[2]).toMatchObject({ "@odata.type": "#microsoft.graph.servicePrincipal", appId: demoServicePrincipals.ciDeployer.appId, servicePrincipalNames: [demoServicePrincipals.ciDeployer.appId] });
  });

  it("searches only the requested types (case-insensitive) and every type without `types`", async () => {
    const ids = [demoUsers.paymentsEngineer, demoGroups.paymentsMembers];
    const groupsOnly = (await graph.api("/directoryObjects/getByIds").post({ ids, types: ["GROUP"] })) as Found;
    expect(groupsOnly.value.map((item) => item.id)).toEqual([demoGroups.paymentsMembers]);
    const all = (await graph.api("/directoryObjects/getByIds").post({ ids })) as Found;
    expect(all.value).toHaveLength(2);
  });

  it("refuses a body without ids, more than 1000 ids, an unknown type and a GET", async () => {
    const token = await emulator.issueTestToken({ user: "admin", audience: "graph" });
    const post = (body: unknown) => fetch(`${emulator.url}/v1.0/directoryObjects/getByIds`, {
      method: "POST", headers: { authorization: `Bearer ${token}`, "content-type": "application/json" }, body: JSON.stringify(body),
    });
    for (const body of [{}, { ids: Array.from({ length: 1001 }, () => demoUsers.admin) }, { ids: [demoUsers.admin], types: ["printer"] }]) {
      const response = await post(body);
      expect(response.status).toBe(400);
      expect(((await response.json()) as { error: { code: string } }).error.code).toBe("Request_BadRequest");
    }
    await expect(graph.api("/directoryObjects/getByIds").get()).rejects.toMatchObject({ statusCode: 405 });
  });
});

describe("the servicePrincipals collection", () => {
  it("filters by an entry of servicePrincipalNames", async () => {
    const found = (await graph.api("/servicePrincipals").filter(`servicePrincipalNames/any(c:c eq '${demoServicePrincipals.ciDeployer.appId}')`).get()) as Found;
    expect(found.value.map((item) => item.id)).toEqual([demoServicePrincipals.ciDeployer.id]);
    const none = (await graph.api("/servicePrincipals").filter(`servicePrincipalNames/any(c:c eq '${demoUsers.paymentsEngineer}')`).get()) as Found;
    expect(none.value).toEqual([]);
  });
});
