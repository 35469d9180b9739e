import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/lib/server/db/client";
import { jobQueue, queues, stopJobQueue } from "@/lib/server/jobs/queue";
import type { RequestContext } from "@/lib/server/request-context";
import type { Actor } from "./actor";
import { createChangeRequest } from "./create-request";
import { cancelChangeRequest, decideChangeRequest, retryChangeRequest } from "./decide-request";
import { executeChangeRequest } from "./execute-request";
import { type ChangeExecutor, RetryableError } from "./executor";
import { reconcileChangeRequests } from "./reconcile-requests";

const context: RequestContext = { clientIp: "192.0.2.10", userAgent: "vitest", correlationId: randomUUID(), path: "/requests" };
const person = (name: string): Extract<Actor, { kind: "user" }> => ({ kind: "user", objectId: randomUUID(), name, upn: `${name.toLowerCase()}@contoso.example` });

async function newRequest(requester = person("Lead"), options?: Parameters<typeof createChangeRequest>[3]) {
  return createChangeRequest(
    {
      kind: "authorized-ip-ranges",
      clusterResourceId: `/subscriptions/s/resourcegroups/rg/providers/microsoft.containerservice/managedclusters/${randomUUID()}`,
      tenantId: null,
      payload: { add: [{ range: "203.0.113.7/32", lifetimeSeconds: null, owner: "ci" }], remove: [] },
      justification: "CI agents",
      decideBy: null,
    },
    requester,
    context,
    options,
  );
}

async function auditActionsOf(requestId: string): Promise<string[]> {
  const events = await db().auditEvent.findMany({ where: { targetId: requestId }, orderBy: { seq: "asc" }, select: { action: true } });
  return events.map((event) => event.action);
}

/** An executor of the engine's own interface that counts what it is asked to do. */
function countingExecutor(behaviour: (call: number) => Promise<void> = async () => undefined) {
  let calls = 0;
  const executor: ChangeExecutor = {
    async apply() {
      calls += 1;
      await behaviour(calls);
      return { before: { ranges: [] }, after: { ranges: ["203.0.113.7/32"] }, summary: "added 203.0.113.7/32" };
    },
  };
  return { executors: { "authorized-ip-ranges": executor }, calls: () => calls };
}

const attempt = (retryCount = 0, retryLimit = 3) => ({ retryCount, retryLimit, signal: new AbortController().signal });

afterAll(() => stopJobQueue());

describe("change requests", () => {
  it("records the request and its audit event with the request's correlation id", async () => {
    const created = await newRequest();
    const stored = await db().changeRequest.findUniqueOrThrow({ where: { id: created.id } });
    expect(stored.status).toBe("pending");
    const events = await db().auditEvent.findMany({ where: { targetId: created.id } });
    expect(events.map((event) => [event.action, event.correlationId])).toEqual([["request.created", stored.correlationId]]);
  });

  it("lets exactly one of two simultaneous approvals win", async () => {
    const created = await newRequest();
    const outcomes = await Promise.all([
      decideChangeRequest(created.id, "approve", "ok", person("Admin1"), context),
      decideChangeRequest(created.id, "approve", "fine", person("Admin2"), context),
    ]);
    expect(outcomes.filter((outcome) => outcome.ok)).toHaveLength(1);
    expect(outcomes.find((outcome) => !outcome.ok)).toMatchObject({ ok: false });
    expect(await auditActionsOf(created.id)).toEqual(["request.created", "request.approved"]);
    const boss = await jobQueue();
    const jobs = await boss.findJobs(queues.executeChangeRequest, { key: created.id });
    expect(jobs).toHaveLength(1);
  });

  it("refuses decisions on requests that are no longer pending", async () => {
    const created = await newRequest();
    expect((await cancelChangeRequest(created.id, person("Lead"), context)).ok).toBe(true);
    expect(await decideChangeRequest(created.id, "approve", "", person("Admin"), context)).toEqual({ ok: false, error: "Cannot approve a request that is cancelled." });
  });

  it("applies an approved request once, and does nothing when run again", async () => {
    const created = await newRequest(person("Lead"), { applyDirectly: { reason: "office move" } });
    expect(created.status).toBe("approved");
    const executor = countingExecutor();
    expect(await executeChangeRequest(created.id, attempt(), executor.executors)).toBe("applied");
    expect(await executeChangeRequest(created.id, attempt(), executor.executors)).toBe("skipped");
    expect(executor.calls()).toBe(1);
    expect(await auditActionsOf(created.id)).toEqual(["request.created", "request.approved", "request.applying", "request.applied"]);
    const applied = await db().changeRequest.findUniqueOrThrow({ where: { id: created.id } });
    expect(applied).toMatchObject({ status: "applied", attempts: 1, lastError: null });
  });

  it("rethrows retryable failures while retries remain, then fails; an admin retry applies it", async () => {
    const created = await newRequest(person("Lead"), { applyDirectly: { reason: "test" } });
    const flaky = countingExecutor(async (call) => {
      if (call <= 2) throw new RetryableError("ARM answered 429 Too Many Requests");
    });
    await expect(executeChangeRequest(created.id, attempt(0, 1), flaky.executors)).rejects.toThrow("429");
    expect(await db().changeRequest.findUniqueOrThrow({ where: { id: created.id } })).toMatchObject({ status: "applying", lastError: "ARM answered 429 Too Many Requests (retrying)" });
    expect(await executeChangeRequest(created.id, attempt(1, 1), flaky.executors)).toBe("failed");
    expect(await db().changeRequest.findUniqueOrThrow({ where: { id: created.id } })).toMatchObject({ status: "failed" });

    expect((await retryChangeRequest(created.id, person("Admin"), context)).ok).toBe(true);
    expect(await executeChangeRequest(created.id, attempt(), flaky.executors)).toBe("applied");
    expect(await auditActionsOf(created.id)).toEqual([
      "request.created", "request.approved", "request.applying", "request.applying", "request.failed", "request.retried", "request.applying", "request.applied",
    ]);
  });

  it("fails at once, without retries, on a permanent error", async () => {
    const created = await newRequest(person("Lead"), { applyDirectly: { reason: "test" } });
    const broken = countingExecutor(async () => {
      throw new Error("The cluster is private: authorized IP ranges do not apply.");
    });
    expect(await executeChangeRequest(created.id, attempt(0, 5), broken.executors)).toBe("failed");
    expect((await db().changeRequest.findUniqueOrThrow({ where: { id: created.id } })).lastError).toBe("The cluster is private: authorized IP ranges do not apply.");
  });

  it("expires pending requests past their decision date and re-queues orphaned approved ones", async () => {
    const overdue = await newRequest();
    await db().changeRequest.update({ where: { id: overdue.id }, data: { decideBy: new Date(Date.now() - 1000) } });
    const orphan = await newRequest(person("Lead"), { applyDirectly: { reason: "test" } });
    const boss = await jobQueue();
    await boss.deleteAllJobs(queues.executeChangeRequest);

    const result = await reconcileChangeRequests();
    expect(result.expired).toBeGreaterThanOrEqual(1);
    expect((await db().changeRequest.findUniqueOrThrow({ where: { id: overdue.id } })).status).toBe("expired");
    expect(await boss.findJobs(queues.executeChangeRequest, { key: orphan.id })).toHaveLength(1);
  });
});
