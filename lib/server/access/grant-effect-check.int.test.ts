import { randomUUID } from "node:crypto";
import { beforeEach, describe, expect, it } from "vitest";
import { builtInRoleGuids } from "@/emulator/arm/built-in-roles";
import { demoGroups, demoServicePrincipals, demoSubscriptions, demoUsers } from "@/emulator/seed/organisation";
import { clusterKey } from "@/lib/clusters/resource-id";
import type { NamespaceAccessPayload } from "@/lib/requests/kinds";
import { db } from "@/lib/server/db/client";
import { createChangeRequest } from "@/lib/server/requests/create-request";
import { executeChangeRequest } from "@/lib/server/requests/execute-request";
import { checkGrantEffect } from "./grant-effect-check";
import { namespaceAccessExecutor } from "./namespace-access-executor";
import { engineSuite } from "@/test/engine-suite";

/**
 * "Applied" is not "effective": with the suite.emulator delaying role assignments as Azure does, a grant
 * waits, is checked with SubjectAccessReviews until the cluster allows it, and is reported as not
 * effective, audited, when the deadline passes first.
 */
const { nonProduction, production } = demoSubscriptions;
const azureRbacCluster = `/subscriptions/${nonProduction}/resourceGroups/rg-dev/providers/Microsoft.ContainerService/managedClusters/aks-shared-dev`;
const kubernetesRbacCluster = `/subscriptions/${production}/resourceGroups/rg-platform-prod/providers/Microsoft.ContainerService/managedClusters/aks-platform-shared`;
const aliyu = { objectId: demoUsers.analyticsEngineer, type: "User" as const, displayName: "Aliyu Bello", userPrincipalName: "aliyu.bello@clusterdesk-demo.onmicrosoft.com" };
const analyticsMembers = { objectId: demoGroups.analyticsMembers, type: "Group" as const, displayName: "Team Analytics Members", userPrincipalName: null };
const admin = { kind: "user" as const, objectId: randomUUID(), name: "Alex Admin", upn: "alex.admin@clusterdesk-demo.onmicrosoft.com" };
const attempt = { retryCount: 0, retryLimit: 3, signal: new AbortController().signal };
const executors = { "namespace-access": namespaceAccessExecutor() };
const guardReason = "User does not have access to the resource in Azure. Update role assignment to allow access.";

const suite = engineSuite();
beforeEach(async () => {
  suite.emulator.reset();
  await db().namespaceAccessGrant.updateMany({ where: { revokedAt: null }, data: { revokedAt: new Date() } });
});

async function applied(clusterId: string, payload: NamespaceAccessPayload) {
  const created = await createChangeRequest(
    { kind: "namespace-access", clusterResourceId: clusterKey(clusterId), tenantId: null, payload, justification: "Pairing with payments this week", decideBy: null },
    admin,
    { clientIp: null, userAgent: null, correlationId: randomUUID(), path: "/" },
    { applyDirectly: { reason: "test" } },
  );
  const outcome = await executeChangeRequest(created.id, attempt, executors);
  const request = await db().changeRequest.findUniqueOrThrow({ where: { id: created.id } });
  return { request, outcome, grant: () => db().namespaceAccessGrant.findUnique({ where: { requestId: created.id } }) };
}

const effectEvents = (requestId: string) =>
  db().auditEvent.findMany({ where: { targetId: requestId, action: { startsWith: "access.grant_" } }, orderBy: { seq: "asc" } });

describe("a grant on an Azure RBAC cluster while Azure propagates", () => {
  it("waits while the cluster does not honour the assignment, then becomes effective, audited once, with expiry counted from then", { timeout: 90_000 }, async () => {
    suite.emulator.setRoleAssignmentPropagation(4000);
    const { request, outcome, grant } = await applied(azureRbacCluster, { action: "grant", role: "writer", namespace: "payments-dev", principal: aliyu, lifetimeSeconds: 3600 });
    expect(outcome).toBe("applied");
    expect(request.progress).toMatchObject({ message: expect.stringContaining("waiting for Azure to propagate it") });
    const recorded = await grant();
    expect(recorded).toMatchObject({ effect: "waiting", effectiveAt: null, effectChecks: 0 });
    expect(recorded?.effectDeadline?.getTime()).toBe((recorded?.grantedAt.getTime() ?? 0) + 10 * 60_000);

    expect(await checkGrantEffect(recorded?.id ?? "")).toEqual({ effect: "waiting", checkAgainInSeconds: 5 });
    expect(await grant()).toMatchObject({ effect: "waiting", effectChecks: 1, effectNote: guardReason });

    let outcomeNow = await checkGrantEffect(recorded?.id ?? "");
    const deadline = Date.now() + 60_000;
    while (outcomeNow?.effect === "waiting" && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      outcomeNow = await checkGrantEffect(recorded?.id ?? "");
    }
    expect(outcomeNow).toEqual({ effect: "effective" });
    const effective = await grant();
    expect(effective).toMatchObject({ effect: "effective", effectNote: null, effectiveAt: expect.any(Date) });
    expect(effective?.expiresAt?.getTime()).toBe((effective?.effectiveAt?.getTime() ?? 0) + 3_600_000);
    expect(effective?.effectiveAt?.getTime()).toBeGreaterThanOrEqual((recorded?.grantedAt.getTime() ?? 0) + 4000);

    // A check repeated (a crashed job run again) changes and audits nothing.
    expect(await checkGrantEffect(recorded?.id ?? "")).toEqual({ effect: "effective" });
    const events = await effectEvents(request.id);
    expect(events.map((event) => [event.action, event.outcome, event.actorKind, event.correlationId])).toEqual([["access.grant_effective", "success", "system", request.correlationId]]);
    expect(events[0]?.reason).toBe("Azure Kubernetes Service RBAC Writer for Aliyu Bello in payments-dev is effective: the cluster allows create deployments.apps in payments-dev.");
  });

  it("is reported not effective after the deadline, with the cluster's answer, and stays so", { timeout: 60_000 }, async () => {
    suite.emulator.setRoleAssignmentPropagation(60 * 60_000);
    const { request, grant } = await applied(azureRbacCluster, { action: "grant", role: "reader", namespace: "payments-dev", principal: aliyu, lifetimeSeconds: null });
    const recorded = await grant();
    const afterDeadline = () => new Date((recorded?.grantedAt.getTime() ?? 0) + 10 * 60_000 + 1000);
    expect(await checkGrantEffect(recorded?.id ?? "", { now: afterDeadline })).toEqual({ effect: "not-effective" });
    expect(await grant()).toMatchObject({ effect: "not-effective", effectiveAt: null, effectNote: guardReason, revokedAt: null });
    const [event] = await effectEvents(request.id);
    expect(event).toMatchObject({ action: "access.grant_not_effective", outcome: "failure", correlationId: request.correlationId });
    expect(event?.reason).toBe(`Azure Kubernetes Service RBAC Reader for Aliyu Bello in payments-dev is not effective after 10 minutes: ${guardReason}`);

    // Once decided, never silently turned into done: a later check leaves it as it is.
    suite.emulator.setRoleAssignmentPropagation(0);
    expect(await checkGrantEffect(recorded?.id ?? "")).toEqual({ effect: "not-effective" });
    expect(await effectEvents(request.id)).toHaveLength(1);
  });

  it("checks a group by its object id in the review's groups", async () => {
    const { grant } = await applied(azureRbacCluster, { action: "grant", role: "admin", namespace: "payments-dev", principal: analyticsMembers, lifetimeSeconds: null });
    expect(await checkGrantEffect((await grant())?.id ?? "")).toEqual({ effect: "effective" });
  });
});

describe("a grant on a Kubernetes RBAC cluster", () => {
  it("is effective at the first check: the RoleBinding names the user by UPN", async () => {
    const { grant } = await applied(kubernetesRbacCluster, { action: "grant", role: "writer", namespace: "payments-dev", principal: aliyu, lifetimeSeconds: null });
    expect(await grant()).toMatchObject({ mechanism: "kubernetes-rbac", effect: "waiting" });
    expect(await checkGrantEffect((await grant())?.id ?? "")).toEqual({ effect: "effective" });
  });
});

describe("when Clusterdesk's identity may not assign roles", () => {
  it("fails the request at once with ARM's AuthorizationFailed message, records no grant and creates no assignment", async () => {
    const state = suite.emulator.state();
    state.roleAssignments = state.roleAssignments.filter(
      (a) => !(a.principalId === demoServicePrincipals.clusterdesk.id && a.roleDefinitionGuid === builtInRoleGuids.userAccessAdministrator),
    );
    const before = state.roleAssignments.length;
    const { request, outcome, grant } = await applied(azureRbacCluster, { action: "grant", role: "writer", namespace: "search-dev", principal: aliyu, lifetimeSeconds: null });
    expect(outcome).toBe("failed");
    expect(request.attempts).toBe(1);
    expect(request.lastError).toMatch(
      /^Clusterdesk's identity may not manage role assignments at this scope \(it needs User Access Administrator or Owner there\)\. Azure said: The client '5e000000-0000-4000-8000-000000000001' with object id '5e000000-0000-4000-8000-000000000001' does not have authorization to perform action 'Microsoft\.Authorization\/roleAssignments\/write' over scope '.*\/namespaces\/search-dev\/providers\/Microsoft\.Authorization\/roleAssignments\/[0-9a-f-]{36}' or the scope is invalid\./,
    );
    expect(await grant()).toBeNull();
    expect(suite.emulator.state().roleAssignments).toHaveLength(before);
  });

  it("fails a revocation the same way and keeps the grant recorded as active", async () => {
    const { grant } = await applied(azureRbacCluster, { action: "grant", role: "reader", namespace: "payments-dev", principal: aliyu, lifetimeSeconds: null });
    const recorded = await grant();
    const state = suite.emulator.state();
    state.roleAssignments = state.roleAssignments.filter(
      (a) => !(a.principalId === demoServicePrincipals.clusterdesk.id && a.roleDefinitionGuid === builtInRoleGuids.userAccessAdministrator),
    );
    const revocation = await applied(azureRbacCluster, { action: "revoke", grantId: recorded?.id ?? "", role: "reader", namespace: "payments-dev", principal: aliyu });
    expect(revocation.outcome).toBe("failed");
    expect(revocation.request.lastError).toContain("'Microsoft.Authorization/roleAssignments/delete'");
    expect(await grant()).toMatchObject({ revokedAt: null });
    expect(suite.emulator.state().roleAssignments.some((a) => a.principalId === aliyu.objectId && a.scope.endsWith("/namespaces/payments-dev"))).toBe(true);
  });
});
