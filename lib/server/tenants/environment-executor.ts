import "server-only";
import { z } from "zod";
import { clusterKey } from "@/lib/clusters/resource-id";
import { tenantEnvironmentPayload, type TenantEnvironmentPayload } from "@/lib/requests/kinds";
import { manifestKey } from "@/lib/tenants/manifest";
import type { PlanStep } from "@/lib/tenants/plan";
import { armFailure } from "@/lib/server/azure/arm-errors";
import { appendAuditEvent } from "@/lib/server/audit/append-audit-event";
import { db } from "@/lib/server/db/client";
import { KubeWriteError } from "@/lib/server/kube/role-bindings";
import { auditActor, systemActor } from "@/lib/server/requests/actor";
import { type ChangeExecutor, type ExecutableRequest, RetryableError } from "@/lib/server/requests/executor";
import { EnvironmentUnavailable, environmentOnCluster } from "./environment-on-cluster";
import { planEnvironment } from "./environment-plan";

/** What an attempt records after each object, so a resumed attempt starts at the next one. */
const stepProgress = z.object({ steps: z.object({ completed: z.array(z.string()) }) });

function completedSteps(progress: unknown): Set<string> {
  const parsed = stepProgress.safeParse(progress);
  return new Set(parsed.success ? parsed.data.steps.completed : []);
}

/**
 * Applies a tenant environment object by object, in the rendered order (namespace first), by
 * server-side apply with field manager clusterdesk and force. The plan is computed first against the
 * live cluster: any conflict (an object that exists and is not this tenant's Clusterdesk object)
 * fails the request before anything is written. Objects already as intended are not written, so
 * re-applying an unchanged environment changes nothing. Each object's step is recorded with its
 * audit event in one transaction; a resumed attempt skips recorded steps, and an apply repeated after
 * a crash between write and record converges (apply is idempotent).
 */
export function tenantEnvironmentExecutor(): ChangeExecutor {
  return {
    async apply(request, context) {
      const payload = tenantEnvironmentPayload.parse(request.payload);
      const { clusterResourceId, tenantId } = request;
      if (!clusterResourceId || !tenantId) throw new Error("The request names no cluster or no tenant.");
      const environment = await retryableWhenTransient(() => environmentOnCluster(tenantId, clusterResourceId, payload, request.correlationId));
      const plan = await retryableWhenTransient(() => planEnvironment(environment.client, environment.rendered, environment.tenantSlug, environment.arm));
      const conflicts = plan.steps.filter((step) => step.action === "conflict");
      if (conflicts.length > 0) throw new Error(`Nothing was applied: ${conflicts.map((step) => step.reason).join(" ")}`);
      await claimEnvironment(request, tenantId, clusterResourceId, payload);

      const done = completedSteps(request.progress);
      const planned = new Map(plan.steps.map((step) => [step.key, step]));
      let rendered = environment.rendered;
      let written = 0;
      const total = rendered.arm.before.length + rendered.objects.length + rendered.arm.after.length;
      const run = async (key: string, write: () => Promise<void>) => {
        const step = planned.get(key);
        if (!step || done.has(step.key)) return;
        if (step.action !== "unchanged") {
          await write();
          written += 1;
        }
        done.add(step.key);
        await recordStep(request, step, [...done], total);
      };
      // ARM first (the managed namespace, the identity and its credential), then the objects in the
      // namespace, then the role assignments: the order in which each one's prerequisites exist.
      for (const intent of rendered.arm.before) {
        await run(intent.key, async () => {
          const result = await retryableWhenTransient(() => environment.arm.apply(intent, context.signal));
          // The ServiceAccount is annotated with the identity's client id, known once it exists.
          if (result.clientId) rendered = environment.rerender(result.clientId);
        });
      }
      for (const object of rendered.objects) await run(manifestKey(object), async () => void (await retryableWhenTransient(() => environment.client.apply(object))));
      for (const intent of rendered.arm.after) await run(intent.key, async () => void (await retryableWhenTransient(() => environment.arm.apply(intent, context.signal))));

      await db().tenantEnvironment.update({
        where: { clusterResourceId_namespace: { clusterResourceId: clusterKey(clusterResourceId), namespace: payload.namespace } },
        data: { template: payload.template, lastRequestId: request.id, appliedAt: new Date() },
      });
      const { create, update, unchanged } = plan.summary;
      return {
        before: null,
        after: { namespace: payload.namespace, template: payload.template, plan: plan.summary },
        summary: written === 0 && create + update === 0 ? `${payload.namespace} was already as the template describes; nothing changed.` : `Applied ${payload.namespace}: ${create} created, ${update} updated, ${unchanged} unchanged.`,
      };
    },
  };
}

/**
 * Records the environment before its namespace is created, so the namespace is this tenant's in
 * Clusterdesk from the first write (and the inventory attributes it). Another tenant's record for the
 * same namespace on the cluster stops the apply.
 */
async function claimEnvironment(request: ExecutableRequest, tenantId: string, clusterResourceId: string, payload: TenantEnvironmentPayload): Promise<void> {
  const key = { clusterResourceId: clusterKey(clusterResourceId), namespace: payload.namespace };
  const existing = await db().tenantEnvironment.findUnique({ where: { clusterResourceId_namespace: key }, select: { tenantId: true } });
  if (existing && existing.tenantId !== tenantId) throw new Error(`Nothing was applied: ${payload.namespace} is recorded as another tenant's environment on this cluster.`);
  if (!existing) {
    await db().tenantEnvironment.upsert({
      where: { clusterResourceId_namespace: key },
      create: { ...key, tenantId, name: payload.environment, template: payload.template, lastRequestId: request.id },
      update: {},
    });
  }
}

async function recordStep(request: ExecutableRequest, step: PlanStep, completed: string[], total: number): Promise<void> {
  const verb = step.action === "create" ? "Created" : step.action === "update" ? "Updated" : "Unchanged:";
  const message = `${verb} ${step.key} (${completed.length} of ${total})`;
  await db().$transaction(async (tx) => {
    await tx.changeRequest.update({ where: { id: request.id }, data: { progress: { phase: "applying", message, at: new Date().toISOString(), steps: { completed, total } } } });
    await appendAuditEvent(tx, {
      actor: auditActor(systemActor),
      action: "tenant_environment.object_applied",
      target: { type: "change_request", id: request.id, clusterId: request.clusterResourceId, tenantId: request.tenantId },
      outcome: "success",
      after: { object: step.key, action: step.action, changes: step.changes },
      reason: message,
      correlationId: request.correlationId,
    });
  });
}

/** Codes of ARM refusals a retry cannot fix although their status (409) usually means "busy". */
const permanentArmCodes = new Set(["NamespaceAlreadyExists", "NamespaceNotIdentical", "RoleAssignmentExists"]);

async function retryableWhenTransient<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if ((error instanceof KubeWriteError || error instanceof EnvironmentUnavailable) && error.retryable) throw new RetryableError(error.message, { cause: error });
    if (error instanceof KubeWriteError || error instanceof EnvironmentUnavailable) throw error;
    const failure = armFailure(error);
    if (failure.kind === "unknown" && failure.statusCode === undefined) throw error;
    // A group created moments ago may not have replicated to ARM yet (as for namespace access).
    if (failure.code === "PrincipalNotFound") throw new RetryableError(`Azure Resource Manager: ${failure.message}`, { cause: error });
    if (failure.retryable && !permanentArmCodes.has(failure.code ?? "")) throw new RetryableError(`Azure Resource Manager: ${failure.message}`, { cause: error });
    throw new Error(`Azure Resource Manager refused: ${failure.message}`, { cause: error });
  }
}
