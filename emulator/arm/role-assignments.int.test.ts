import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { clusterResourceId } from "../state";
import { demoGroups, demoServicePrincipals, demoSubscriptions, demoUsers } from "../seed/organisation";
import { authorizationClient } from "../test-support/sdk-clients";
import { startTestEmulator, type TestEmulator } from "../test-support/start-test-emulator";
import { builtInRoleGuids } from "./built-in-roles";
import { rejection } from "../test-support/rejection";

let emulator: TestEmulator;
const sub = demoSubscriptions.nonProduction;
const cluster = clusterResourceId(sub, "rg-dev", "aks-shared-dev");
const namespaceScope = `${cluster}/namespaces/payments-dev`;
const writer = `/subscriptions/${sub}/providers/Microsoft.Authorization/roleDefinitions/${builtInRoleGuids.aksRbacWriter}`;

beforeAll(async () => {
  emulator = await startTestEmulator();
});
afterAll(() => emulator.dispose());
beforeEach(() => emulator.reset());

async function collect<T>(iterator: AsyncIterable<T>): Promise<T[]> {
  const items: T[] = [];
  for await (const item of iterator) items.push(item);
  return items;
}

describe("roleAssignments through @azure/arm-authorization", () => {
  it("creates, lists with $filter and deletes a namespace-scoped assignment", async () => {
    const client = authorizationClient(emulator, sub);
    const name = randomUUID();
    const created = await client.roleAssignments.create(namespaceScope, name, { roleDefinitionId: writer, principalId: demoUsers.member, principalType: "User" });
    expect(created.scope).toBe(namespaceScope);
    expect(created.id).toBe(`${namespaceScope}/providers/Microsoft.Authorization/roleAssignments/${name}`);

    const mine = await collect(client.roleAssignments.listForScope(namespaceScope, { filter: `atScope() and principalId eq '${demoUsers.member}'` }));
    expect(mine.map((a) => a.name)).toEqual([name]);

    const got = await client.roleAssignments.get(namespaceScope, name);
    expect(got.roleDefinitionId).toBe(writer);

    const duplicate = await rejection(client.roleAssignments.create(namespaceScope, randomUUID(), { roleDefinitionId: writer, principalId: demoUsers.member }));
    expect([duplicate.statusCode, duplicate.code]).toEqual([409, "RoleAssignmentExists"]);

    await client.roleAssignments.delete(namespaceScope, name);
    expect(await collect(client.roleAssignments.listForScope(namespaceScope, { filter: `principalId eq '${demoUsers.member}'` }))).toEqual([]);
  });

  it("applies inheritance: atScope() sees ancestors, no filter also sees namespaces below", async () => {
    const client = authorizationClient(emulator, sub);
    const atCluster = await collect(client.roleAssignments.listForScope(cluster, { filter: "atScope()" }));
    expect(atCluster.every((a) => !a.scope?.includes("/namespaces/"))).toBe(true);
    expect(atCluster.some((a) => a.scope === `/subscriptions/${sub}`)).toBe(true);
    const all = await collect(client.roleAssignments.listForScope(cluster));
    expect(all.some((a) => a.scope === namespaceScope && a.principalId === demoGroups.paymentsMembers)).toBe(true);
  });

  it("resolves assignedTo() through nested groups", async () => {
    const client = authorizationClient(emulator, sub);
    const forMax = await collect(client.roleAssignments.listForScope(cluster, { filter: `assignedTo('${demoUsers.member}')` }));
    const principals = new Set(forMax.map((a) => a.principalId));
    expect(principals).toEqual(new Set([demoGroups.paymentsMembers, demoGroups.allEngineering]));
  });

  it("reads the built-in AKS role definitions", async () => {
    const client = authorizationClient(emulator, sub);
    const reader = await client.roleDefinitions.get(`/subscriptions/${sub}`, builtInRoleGuids.aksRbacReader);
    expect(reader.roleName).toBe("Azure Kubernetes Service RBAC Reader");
    expect(reader.permissions?.[0]?.dataActions).toContain("Microsoft.ContainerService/managedClusters/pods/read");
    const byName = await collect(client.roleDefinitions.list(`/subscriptions/${sub}`, { filter: "roleName eq 'Azure Kubernetes Service RBAC Admin'" }));
    expect(byName.map((r) => r.name)).toEqual([builtInRoleGuids.aksRbacAdmin]);
  });

  it("rejects unknown principals and roles like ARM", async () => {
    const client = authorizationClient(emulator, sub);
    const noPrincipal = await rejection(client.roleAssignments.create(namespaceScope, randomUUID(), { roleDefinitionId: writer, principalId: randomUUID() }));
    expect([noPrincipal.statusCode, noPrincipal.code]).toEqual([400, "PrincipalNotFound"]);
    const noRole = await rejection(client.roleAssignments.create(namespaceScope, randomUUID(), { roleDefinitionId: writer.replace(/[0-9a-f-]{36}$/, randomUUID()), principalId: demoUsers.member }));
    expect(noRole.code).toBe("RoleDefinitionDoesNotExist");
  });

  it("answers 403 AuthorizationFailed, in ARM's words, to a caller without roleAssignments/write, and changes nothing", async () => {
    const portal = demoServicePrincipals.clusterdesk.id;
    // An Entra administrator takes User Access Administrator away from Clusterdesk's identity.
    const state = emulator.state();
    state.roleAssignments = state.roleAssignments.filter((a) => !(a.principalId === portal && a.roleDefinitionGuid === builtInRoleGuids.userAccessAdministrator));
    const client = authorizationClient(emulator, sub);
    const name = randomUUID();
    const refused = await rejection(client.roleAssignments.create(namespaceScope, name, { roleDefinitionId: writer, principalId: demoUsers.member }));
    expect([refused.statusCode, refused.code]).toEqual([403, "AuthorizationFailed"]);
    expect(refused.message).toBe(
      `The client '${portal}' with object id '${portal}' does not have authorization to perform action 'Microsoft.Authorization/roleAssignments/write' over scope '${namespaceScope}/providers/Microsoft.Authorization/roleAssignments/${name}' or the scope is invalid. If access was recently granted, please refresh your credentials.`,
    );
    expect(await collect(client.roleAssignments.listForScope(namespaceScope, { filter: `principalId eq '${demoUsers.member}'` }))).toEqual([]);
    const [seeded] = state.roleAssignments.filter((a) => a.scope === namespaceScope);
    const deletion = await rejection(client.roleAssignments.delete(namespaceScope, seeded?.name ?? ""));
    expect([deletion.statusCode, deletion.code]).toEqual([403, "AuthorizationFailed"]);
    expect(deletion.message).toContain("'Microsoft.Authorization/roleAssignments/delete'");
  });
});
