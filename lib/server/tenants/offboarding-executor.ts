import "server-only";
import { z } from "zod";
import { clusterKey, parseClusterResourceId } from "@/lib/clusters/resource-id";
import { type TenantOffboardingPayload, tenantOffboardingPayload } from "@/lib/requests/kinds";
import { offboardingSteps } from "@/lib/tenants/offboarding";
import { markRevoked } from "@/lib/server/access/grant-records";
import { deleteRoleAssignment } from "@/lib/server/azure/role-assignments";
import { appendAuditEvent } from "@/lib/server/audit/append-audit-event";
import { db } from "@/lib/server/db/client";
import type { ClusterCredentials } from "@/lib/server/kube/in-cluster-reader";
import { namespaceClient } from "@/lib/server/kube/namespaces";
import { KubeWriteError, deleteRoleBinding } from "@/lib/server/kube/role-bindings";
import { auditActor, systemActor } from "@/lib/server/requests/actor";
import { type ChangeExecutor, type ExecutableRequest, RetryableError } from "@/lib/server/requests/executor";
import { clusterCredentialsFor } from "./cluster-namespaces";
import { EnvironmentUnavailable } from "./environment-on-cluster";
import { archiveTenant } from "./manage-tenant";
import { armDelete, armStepVerbs, runArmStep } from "./offboarding-arm";

const stepProgress = z.object({ steps: z.object({ completed: z.array(z.string()) }) });

type Plan = TenantOffboardingPayload["plan"];

/**
 * Offboards a tenant step by step from the plan recorded with the request (never re-read: the approver
 * approved that list, and "nothing else" is the promise). Each step is idempotent (a deleted object
 * already gone counts as deleted) and recorded with its audit event; a resumed attempt skips recorded
 * steps. A namespace still terminating makes the attempt retry until it is gone. Azure steps (role
 * assignments, federated credentials, identity, managed namespace) run through offboarding-arm.ts.
 */
export function tenantOffboardingExecutor(): ChangeExecutor {
  return {
    async apply(request, context) {
      const payload = tenantOffboardingPayload.parse(request.payload);
      const tenantId = request.tenantId;
      if (!tenantId) throw new Error("The request names no tenant.");
      const parsed = stepProgress.safeParse(request.progress);
      const done = new Set(parsed.success ? parsed.data.steps.completed : []);
      const steps = offboardingSteps(payload.plan, payload.deletePolicy);
      const credentials = new Map<string, ClusterCredentials>();
      const credentialsOf = async (clusterResourceId: string) => {
        const known = credentials.get(clusterResourceId);
        if (known) return known;
        const read = await transient(() => clusterCredentialsFor(clusterResourceId, request.correlationId));
        credentials.set(clusterResourceId, read);
        return read;
      };
      for (const step of steps) {
        if (done.has(step.key)) continue;
        await runStep(step.key, payload, request, tenantId, credentialsOf, context.signal);
        done.add(step.key);
        await recordStep(request, step, [...done], steps.length);
      }
      const namespaces = payload.plan.environments.map((environment) => `${environment.namespace} on ${environment.clusterName}`);
      return {
        before: { environments: namespaces, grants: payload.plan.grants.length },
        after: { archived: true, deletePolicy: payload.deletePolicy },
        summary: `Offboarded ${payload.tenantSlug} (${payload.deletePolicy === "delete" ? "namespaces deleted" : "namespaces kept without Clusterdesk's labels"}): ${steps.length} steps.`,
      };
    },
  };
}

async function runStep(key: string, payload: TenantOffboardingPayload, request: ExecutableRequest, tenantId: string, credentialsOf: (clusterResourceId: string) => Promise<ClusterCredentials>, signal: AbortSignal): Promise<void> {
  const plan: Plan = payload.plan;
  const space = key.indexOf(" ");
  const [verb, rest] = space < 0 ? [key, ""] : [key.slice(0, space), key.slice(space + 1)];
  if (verb === "grant") {
    const grant = plan.grants.find((candidate) => candidate.id === rest);
    if (!grant) throw new Error(`The plan has no grant ${rest}.`);
    if (grant.mechanism === "azure-rbac") {
      const subscriptionId = parseClusterResourceId(grant.clusterResourceId)?.subscriptionId ?? "";
      await armDelete(`the role assignment of grant ${grant.id}`, () => deleteRoleAssignment(subscriptionId, grant.externalId, request.correlationId));
    } else {
      const [namespace = "", name = ""] = grant.externalId.split("/");
      const credentials = await credentialsOf(grant.clusterResourceId);
      await transient(() => deleteRoleBinding(credentials, namespace, name));
    }
    await markRevoked(grant.id, request.id);
    return;
  }
  if (verb === "archive") {
    const archived = await archiveTenant(tenantId, systemActor, { correlationId: request.correlationId }, { reason: "Offboarded", requestId: request.id });
    if (!archived.ok) throw new Error(archived.error);
    return;
  }
  const environment = plan.environments.find((candidate) => rest === `${candidate.clusterResourceId}/${candidate.namespace}` || rest.startsWith(`${candidate.clusterResourceId}/${candidate.namespace}/`));
  if (!environment) throw new Error(`The plan has no environment for step ${key}.`);
  if (armStepVerbs.has(verb)) {
    const id = `${environment.clusterResourceId}/${environment.namespace}`;
    return runArmStep(verb, rest.startsWith(`${id}/`) ? rest.slice(id.length + 1) : "", environment, payload.deletePolicy, request.correlationId, signal);
  }
  const credentials = verb === "forget" ? null : await credentialsOf(environment.clusterResourceId);
  const namespaces = credentials ? namespaceClient(credentials) : null;
  switch (verb) {
    case "delete": {
      await transient(() => namespaces?.delete(environment.namespace) ?? Promise.resolve());
      // Kubernetes removes a namespace's contents asynchronously; the step is done when it is gone.
      const left = await transient(() => namespaces?.read(environment.namespace) ?? Promise.resolve(null));
      if (left) throw new RetryableError(`Namespace ${environment.namespace} is still terminating.`, { retryAfterSeconds: 5 });
      return;
    }
    case "rolebinding":
      if (credentials) await transient(() => deleteRoleBinding(credentials, environment.namespace, rest.slice(rest.lastIndexOf("/") + 1)));
      return;
    case "strip":
      await transient(() => namespaces?.removeMetadata(environment.namespace, { labels: environment.labels, annotations: environment.annotations }) ?? Promise.resolve());
      return;
    case "forget":
      await db().tenantEnvironment.deleteMany({ where: { tenantId, clusterResourceId: clusterKey(environment.clusterResourceId), namespace: environment.namespace } });
      return;
    default:
      throw new Error(`Unknown offboarding step ${key}.`);
  }
}

async function recordStep(request: ExecutableRequest, step: { key: string; description: string }, completed: string[], total: number): Promise<void> {
  const message = `${step.description} (${completed.length} of ${total})`;
  await db().$transaction(async (tx) => {
    await tx.changeRequest.update({ where: { id: request.id }, data: { progress: { phase: "applying", message, at: new Date().toISOString(), steps: { completed, total } } } });
    await appendAuditEvent(tx, {
      actor: auditActor(systemActor),
      action: "tenant.offboarding_step",
      target: { type: "change_request", id: request.id, tenantId: request.tenantId },
      outcome: "success",
      after: { step: step.key },
      reason: message,
      correlationId: request.correlationId,
    });
  });
}

async function transient<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if ((error instanceof KubeWriteError || error instanceof EnvironmentUnavailable) && error.retryable) throw new RetryableError(error.message, { cause: error });
    throw error;
  }
}
