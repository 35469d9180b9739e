import { randomUUID } from "node:crypto";
import { expect, it } from "vitest";
import { demoSubscriptions, demoUsers } from "@/emulator/seed/organisation";
import { authorizationClient } from "@/emulator/test-support/sdk-clients";
import { roleAssignmentNameFor } from "@/lib/access/grant-names";
import { clusterKey } from "@/lib/clusters/resource-id";
import { db } from "@/lib/server/db/client";
import { requestOutcome, sharedDevClusterId, waitFor, withWorkerProcesses } from "@/lib/server/jobs/worker-process.test-helper";
import { createChangeRequest } from "@/lib/server/requests/create-request";

/**
 * The durability promise for access: the worker dies after ARM wrote the role assignment but before
 * it heard back and recorded the grant. Another worker retries with the same deterministic name and
 * ends with exactly one assignment and one grant, which the effect check then finds effective once
 * the emulator's propagation delay has passed.
 */
const { emulator, startWorker } = withWorkerProcesses(100);
const aliyu = { objectId: demoUsers.analyticsEngineer, type: "User" as const, displayName: "Aliyu Bello", userPrincipalName: "aliyu.bello@clusterdesk-demo.onmicrosoft.com" };
const scope = `${sharedDevClusterId}/namespaces/payments-dev`;

async function assignmentsOfAliyu() {
  const found = [];
  for await (const assignment of authorizationClient(emulator(), demoSubscriptions.nonProduction).roleAssignments.listForScope(scope, { filter: `principalId eq '${aliyu.objectId}'` })) found.push(assignment);
  return found.filter((assignment) => assignment.scope?.endsWith("/namespaces/payments-dev"));
}

it("resumes a grant whose worker died between the ARM write and recording it: one assignment, one effective grant", { timeout: 240_000 }, async () => {
  // Azure (the emulator) keeps the assignment out of the cluster's authorization until told otherwise.
  emulator().setRoleAssignmentPropagation(60 * 60_000);
  // ARM writes the assignment, then holds its answer long enough for the worker to be killed waiting.
  emulator().injectFault({ method: "PUT", path: "roleAssignments", holdResponseMs: 120_000 });
  const first = startWorker();
  const request = await createChangeRequest(
    {
      kind: "namespace-access",
      clusterResourceId: clusterKey(sharedDevClusterId),
      tenantId: null,
      payload: { action: "grant", role: "writer", namespace: "payments-dev", principal: aliyu, lifetimeSeconds: null },
      justification: "Pairing with payments",
      decideBy: null,
    },
    { kind: "user", objectId: randomUUID(), name: "Alex Admin", upn: "alex.admin@clusterdesk-demo.onmicrosoft.com" },
    { clientIp: null, userAgent: null, correlationId: randomUUID(), path: "/" },
    { applyDirectly: { reason: "worker crash test" } },
  );
  const name = roleAssignmentNameFor(request.id);
  await waitFor("ARM to write the assignment", async () => (emulator().state().roleAssignments.some((a) => a.name === name) ? true : undefined), 90_000);
  first.kill("SIGKILL");
  expect((await db().changeRequest.findUniqueOrThrow({ where: { id: request.id } })).status).toBe("applying");
  expect(await db().namespaceAccessGrant.count({ where: { requestId: request.id } })).toBe(0);

  startWorker();
  const applied = await requestOutcome(request.id, 150_000);
  expect(applied.status).toBe("applied");
  const waiting = await waitFor(
    "the first effect check",
    async () => {
      const current = await db().namespaceAccessGrant.findUnique({ where: { requestId: request.id } });
      return current && current.effectChecks > 0 ? current : undefined;
    },
    60_000,
  );
  expect(waiting).toMatchObject({ effect: "waiting", effectNote: expect.stringContaining("User does not have access to the resource in Azure") });
  emulator().setRoleAssignmentPropagation(0);
  const grant = await waitFor(
    "the grant to be found effective",
    async () => {
      const current = await db().namespaceAccessGrant.findUnique({ where: { requestId: request.id } });
      return current && current.effect !== "waiting" ? current : undefined;
    },
    90_000,
  );
  expect(grant).toMatchObject({ effect: "effective", mechanism: "azure-rbac", revokedAt: null });
  expect(grant.effectChecks).toBeGreaterThanOrEqual(2);

  const assignments = await assignmentsOfAliyu();
  expect(assignments.map((assignment) => assignment.name)).toEqual([name]);
  expect(await db().namespaceAccessGrant.count({ where: { requestId: request.id } })).toBe(1);
  const actions = (await db().auditEvent.findMany({ where: { targetId: request.id }, orderBy: { seq: "asc" } })).map((event) => event.action);
  expect(actions.filter((action) => action === "request.applying").length).toBeGreaterThanOrEqual(2);
  expect(actions.filter((action) => action === "request.applied")).toHaveLength(1);
  expect(actions.filter((action) => action === "access.grant_effective")).toHaveLength(1);
});
