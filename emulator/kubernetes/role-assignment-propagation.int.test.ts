import { randomUUID } from "node:crypto";
import { AuthorizationV1Api, KubeConfig, type V1SubjectAccessReview } from "@kubernetes/client-node";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { kubernetesServerUrl } from "../contracts";
import { builtInRoleGuids } from "../arm/built-in-roles";
import { demoGroups, demoServicePrincipals, demoSubscriptions, demoUsers } from "../seed/organisation";
import { clusterResourceId } from "../state";
import { authorizationClient } from "../test-support/sdk-clients";
import { startTestEmulator, type TestEmulator } from "../test-support/start-test-emulator";
import { createKubernetesSide } from "./index";
import { failure } from "./testing/kube-client";

/**
 * Azure RBAC's propagation delay as the portal meets it: a role assignment ARM has accepted reaches
 * guard (and so SubjectAccessReview and kubectl) only after the delay set through the control API.
 */
let emulator: TestEmulator;
const sub = demoSubscriptions.nonProduction;
const sharedDev = { subscriptionId: sub, resourceGroup: "rg-dev", name: "aks-shared-dev" };
const namespaceScope = `${clusterResourceId(sub, "rg-dev", "aks-shared-dev")}/namespaces/payments-dev`;
const aliyu = { objectId: demoUsers.analyticsEngineer, upn: "aliyu.bello@clusterdesk-demo.onmicrosoft.com" };

beforeAll(async () => {
  emulator = await startTestEmulator({ kubernetes: createKubernetesSide });
});
afterAll(() => emulator.dispose());
beforeEach(() => emulator.reset());

const control = (path: string, init: RequestInit = {}) =>
  fetch(`${emulator.url}/_emulator/${path}`, init).then(async (r) => ({ status: r.status, body: (await r.json()) as Record<string, unknown> }));

/** The authorization API as the portal calls it: with its own identity's token for the AKS server application. */
async function portalAuthorization(user = "portal") {
  const token = user === "portal" ? await emulator.issueTestToken({ servicePrincipal: demoServicePrincipals.clusterdesk.appId, audience: "aks" }) : await emulator.issueTestToken({ user, audience: "aks" });
  const kc = new KubeConfig();
  kc.loadFromOptions({
    clusters: [{ name: "c", server: kubernetesServerUrl(emulator.url, sharedDev), caData: Buffer.from(emulator.caPem).toString("base64") }],
    users: [{ name: "u", token }],
    contexts: [{ name: "x", cluster: "c", user: "u" }],
    currentContext: "x",
  });
  return kc.makeApiClient(AuthorizationV1Api);
}

const writerReview = (spec: Partial<NonNullable<V1SubjectAccessReview["spec"]>> = {}): V1SubjectAccessReview => ({
  apiVersion: "authorization.k8s.io/v1",
  kind: "SubjectAccessReview",
  spec: { user: aliyu.upn, extra: { oid: [aliyu.objectId] }, resourceAttributes: { namespace: "payments-dev", verb: "create", group: "apps", resource: "deployments" }, ...spec },
});

async function waitUntil(probe: () => Promise<boolean>, timeoutMs: number): Promise<number> {
  const started = Date.now();
  while (!(await probe())) {
    if (Date.now() - started > timeoutMs) throw new Error("timed out");
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return Date.now() - started;
}

describe("role assignment propagation", () => {
  it("is set and read through the control API, and a reset restores the start value", async () => {
    expect(await control("role-assignment-propagation")).toEqual({ status: 200, body: { delayMs: 0 } });
    expect(await control("role-assignment-propagation", { method: "PUT", body: JSON.stringify({ delayMs: 1500 }) })).toEqual({ status: 200, body: { delayMs: 1500 } });
    expect((await control("role-assignment-propagation", { method: "PUT", body: JSON.stringify({ delayMs: -1 }) })).status).toBe(400);
    emulator.reset();
    expect((await control("role-assignment-propagation")).body).toEqual({ delayMs: 0 });
  });

  it("keeps a new assignment out of the cluster's authorization until the delay has passed", { timeout: 60_000 }, async () => {
    await control("role-assignment-propagation", { method: "PUT", body: JSON.stringify({ delayMs: 2000 }) });
    const authorization = await portalAuthorization();
    expect((await authorization.createSubjectAccessReview({ body: writerReview() })).status).toEqual({
      allowed: false,
      reason: "User does not have access to the resource in Azure. Update role assignment to allow access.",
    });
    const writer = `/subscriptions/${sub}/providers/Microsoft.Authorization/roleDefinitions/${builtInRoleGuids.aksRbacWriter}`;
    const created = Date.now();
    await authorizationClient(emulator, sub).roleAssignments.create(namespaceScope, randomUUID(), { roleDefinitionId: writer, principalId: aliyu.objectId, principalType: "User" });
    // ARM already lists it; the cluster does not honour it yet.
    expect((await authorization.createSubjectAccessReview({ body: writerReview() })).status?.allowed).toBe(false);
    await waitUntil(async () => (await authorization.createSubjectAccessReview({ body: writerReview() })).status?.allowed === true, 30_000);
    expect(Date.now() - created).toBeGreaterThanOrEqual(2000);
    // Only where the role was given.
    const elsewhere = writerReview({ resourceAttributes: { namespace: "search-dev", verb: "create", group: "apps", resource: "deployments" } });
    expect((await authorization.createSubjectAccessReview({ body: elsewhere })).status?.allowed).toBe(false);
  });
});

describe("SubjectAccessReview", () => {
  it("answers for a group given as groups=[objectId], by the portal's own identity", async () => {
    const authorization = await portalAuthorization();
    // Payments Members are Writers on payments-dev in the seed.
    const review = await authorization.createSubjectAccessReview({
      body: { spec: { groups: [demoGroups.paymentsMembers], resourceAttributes: { namespace: "payments-dev", verb: "create", group: "apps", resource: "deployments" } } },
    });
    expect(review).toMatchObject({ kind: "SubjectAccessReview", apiVersion: "authorization.k8s.io/v1", status: { allowed: true } });
  });

  it("refuses a review naming neither user nor groups, as the API server validates it", async () => {
    const authorization = await portalAuthorization();
    const refused = await failure(authorization.createSubjectAccessReview({ body: { spec: { resourceAttributes: { namespace: "payments-dev", verb: "list", resource: "pods" } } } }));
    expect(refused.code).toBe(422);
    expect(refused.body).toMatchObject({ reason: "Invalid", message: 'SubjectAccessReview.authorization.k8s.io "" is invalid: spec.user: Invalid value: "": at least one of user or group must be specified' });
  });

  it("needs `create subjectaccessreviews`: a namespace writer may not ask about others", async () => {
    const authorization = await portalAuthorization("member");
    const refused = await failure(authorization.createSubjectAccessReview({ body: writerReview() }));
    expect(refused.code).toBe(403);
  });
});
