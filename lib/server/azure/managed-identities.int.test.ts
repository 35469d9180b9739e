import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { demoSubscriptions } from "@/emulator/seed/organisation";
import { startTestEmulator, type TestEmulator } from "@/emulator/test-support/start-test-emulator";
import { useEmulator } from "@/test/support";
import { armFailure } from "./arm-errors";
import { deleteUserAssignedIdentity, getFederatedCredential, getUserAssignedIdentity, putFederatedCredential, putUserAssignedIdentity } from "./managed-identities";

let emulator: TestEmulator;
const address = { subscriptionId: demoSubscriptions.nonProduction, resourceGroup: "rg-sandbox", name: "id-orion-dev" };
const issuer = "https://eastus.oic.prod-aks.azure.com/tenant/cluster/";
const credential = { name: "orion-dev-workload", issuer, subject: "system:serviceaccount:orion-dev:workload", audiences: ["api://AzureADTokenExchange"] };

beforeAll(async () => {
  emulator = await startTestEmulator();
  useEmulator(emulator.url);
});
afterAll(() => emulator.dispose());
beforeEach(() => emulator.reset());

describe("user-assigned managed identities and federated credentials through the AKS client's pipeline", () => {
  it("creates an identity once: the same PUT again keeps its client and principal ids", async () => {
    expect(await getUserAssignedIdentity(address, randomUUID())).toBeNull();
    const created = await putUserAssignedIdentity(address, "eastus", { "clusterdesk.io/tenant": "orion" }, randomUUID());
    expect(created).toMatchObject({ name: "id-orion-dev", location: "eastus", tags: { "clusterdesk.io/tenant": "orion" }, tenantId: emulator.endpoints.tenantId });
    expect(created.clientId).toMatch(/^[0-9a-f-]{36}$/);
    const again = await putUserAssignedIdentity(address, "eastus", { "clusterdesk.io/tenant": "orion" }, randomUUID());
    expect(again).toEqual(created);
    expect(emulator.state().userAssignedIdentities).toHaveLength(1);
    expect(await getUserAssignedIdentity(address, randomUUID())).toEqual(created);
  });

  it("adds a federated credential for a service account, refuses a second one for the same subject, and goes with its identity", async () => {
    await putUserAssignedIdentity(address, "eastus", {}, randomUUID());
    expect(await getFederatedCredential(address, credential.name, randomUUID())).toBeNull();
    expect(await putFederatedCredential(address, credential, randomUUID())).toEqual(credential);
    expect(await putFederatedCredential(address, credential, randomUUID())).toEqual(credential);
    const duplicate = armFailure(await putFederatedCredential(address, { ...credential, name: "other" }, randomUUID()).then(() => null, (error: unknown) => error));
    expect(duplicate).toMatchObject({ statusCode: 400, kind: "invalid" });
    expect(duplicate.message).toContain("same issuer");
    expect(await getFederatedCredential(address, credential.name, randomUUID())).toEqual(credential);

    await deleteUserAssignedIdentity(address, randomUUID());
    expect(await getUserAssignedIdentity(address, randomUUID())).toBeNull();
    const missing = armFailure(await putFederatedCredential(address, credential, randomUUID()).then(() => null, (error: unknown) => error));
    expect(missing.kind).toBe("not-found");
  });
});
