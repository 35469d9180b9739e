import { randomUUID } from "node:crypto";
import { demoGroups, demoSubscriptions, demoUsers } from "@/emulator/seed/organisation";
import { clusterKey, clusterResourceId } from "@/lib/clusters/resource-id";
import type { NamespaceAccessPayload, TenantOffboardingPayload } from "@/lib/requests/kinds";
import { checkAccess } from "@/lib/server/access/access-check";
import { namespaceAccessExecutor } from "@/lib/server/access/namespace-access-executor";
import { resolvePerson } from "@/lib/server/azure/person-lookup";
import { syncInventory } from "@/lib/server/clusters/sync-inventory";
import { db } from "@/lib/server/db/client";
import { authorizedIpRangesExecutor } from "@/lib/server/network/authorized-ip-ranges-executor";
import { createChangeRequest } from "@/lib/server/requests/create-request";
import { executeChangeRequest } from "@/lib/server/requests/execute-request";
import type { ChangeExecutor } from "@/lib/server/requests/executor";
import { tenantEnvironmentExecutor } from "@/lib/server/tenants/environment-executor";
import { tenantOffboardingExecutor } from "@/lib/server/tenants/offboarding-executor";
import { planOffboarding } from "@/lib/server/tenants/offboarding-plan";

/**
 * The portal's main flows, driven through the same server functions the worker runs, so that the
 * emulator's request log holds every ARM call and Kubernetes request they make: an inventory sync,
 * an IP-range change, a namespace grant and its revocation (Azure RBAC and Kubernetes RBAC clusters),
 * an access check that explains an allowed answer by its role assignment, and a tenant environment
 * on an Azure-RBAC cluster with an OIDC issuer, then its offboarding.
 */
const admin = { kind: "user" as const, objectId: randomUUID(), name: "Alex Admin", upn: "alex.admin@clusterdesk-demo.onmicrosoft.com" };
const attempt = { retryCount: 0, retryLimit: 3, signal: new AbortController().signal };
const context = () => ({ clientIp: null, userAgent: null, correlationId: randomUUID(), path: "/" });
const sharedDev = clusterResourceId({ subscriptionId: demoSubscriptions.nonProduction, resourceGroup: "rg-dev", name: "aks-shared-dev" });
const platformProd = clusterResourceId({ subscriptionId: demoSubscriptions.production, resourceGroup: "rg-platform-prod", name: "aks-platform-shared" });
const analytics = clusterResourceId({ subscriptionId: demoSubscriptions.nonProduction, resourceGroup: "rg-sandbox", name: "aks-analytics-wi" });
const aliyu = { objectId: demoUsers.analyticsEngineer, type: "User" as const, displayName: "Aliyu Bello", userPrincipalName: "aliyu.bello@clusterdesk-demo.onmicrosoft.com" };
const executors: Record<string, ChangeExecutor> = {
  "authorized-ip-ranges": authorizedIpRangesExecutor({ pollIntervalMs: 20 }),
  "namespace-access": namespaceAccessExecutor(),
  "tenant-environment": tenantEnvironmentExecutor(),
  "tenant-offboarding": tenantOffboardingExecutor(),
};

type Draft = Parameters<typeof createChangeRequest>[0];

async function apply(draft: Omit<Draft, "justification" | "decideBy">): Promise<string> {
  const created = await createChangeRequest({ ...draft, justification: "permissions test", decideBy: null } as Draft, admin, context(), { applyDirectly: { reason: "test" } });
  const outcome = await executeChangeRequest(created.id, attempt, executors);
  if (outcome !== "applied") throw new Error(`${draft.kind} ended ${outcome}`);
  return created.id;
}

async function grantAndRevoke(clusterId: string, namespace: string): Promise<void> {
  const grant: NamespaceAccessPayload = { action: "grant", role: "writer", namespace, principal: aliyu, lifetimeSeconds: null };
  const requestId = await apply({ kind: "namespace-access", clusterResourceId: clusterKey(clusterId), tenantId: null, payload: grant });
  const record = await db().namespaceAccessGrant.findUniqueOrThrow({ where: { requestId } });
  const revoke: NamespaceAccessPayload = { action: "revoke", grantId: record.id, role: "writer", namespace, principal: aliyu };
  await apply({ kind: "namespace-access", clusterResourceId: clusterKey(clusterId), tenantId: null, payload: revoke });
}

async function environmentAndOffboarding(slug: string): Promise<void> {
  await db().tenantEnvironment.deleteMany({ where: { tenant: { slug } } });
  const fields = { displayName: slug, ownerGroupId: demoGroups.analyticsOwners, memberGroupIds: [demoGroups.allEngineering], archivedAt: null };
  const tenant = await db().tenant.upsert({ where: { slug }, create: { slug, ...fields }, update: fields });
  await apply({ kind: "tenant-environment", clusterResourceId: clusterKey(analytics), tenantId: tenant.id, payload: { tenantSlug: slug, environment: "dev", namespace: `${slug}-dev`, template: "standard" } });
  const plan = await planOffboarding(tenant.id, randomUUID());
  const payload: TenantOffboardingPayload = { tenantSlug: slug, deletePolicy: "delete", plan };
  await apply({ kind: "tenant-offboarding", clusterResourceId: null, tenantId: tenant.id, payload });
}

/** "Can Liam get pods in payments-dev?": yes, through his team's role assignment, which the answer names with its role definition. */
async function accessCheck(): Promise<void> {
  const lookup = await resolvePerson("liam.obrien@clusterdesk-demo.onmicrosoft.com");
  if (!lookup.ok || !lookup.person) throw new Error("Graph did not resolve Liam");
  const outcome = await checkAccess(sharedDev, lookup.person, { verb: "get", resource: "pods", namespace: "payments-dev" }, randomUUID());
  if (!outcome.ok || !outcome.answer.allowed || outcome.answer.reasons.length === 0) throw new Error(`access check: ${JSON.stringify(outcome)}`);
}

export const permissionsTenantSlug = "perm-flows";

export async function drivePortalFlows(): Promise<void> {
  await db().namespaceAccessGrant.updateMany({ where: { revokedAt: null }, data: { revokedAt: new Date() } });
  const sync = await syncInventory();
  if (sync.failures.length > 0) throw new Error(`inventory sync failed: ${JSON.stringify(sync.failures)}`);
  await apply({ kind: "authorized-ip-ranges", clusterResourceId: clusterKey(sharedDev), tenantId: null, payload: { add: [{ range: "198.51.100.219", lifetimeSeconds: null, owner: "CI" }], remove: [] } });
  // A removal also reads the cluster's egress public IPs (a removal must not cut the cluster off).
  await apply({ kind: "authorized-ip-ranges", clusterResourceId: clusterKey(sharedDev), tenantId: null, payload: { add: [], remove: ["198.51.100.219/32"] } });
  await grantAndRevoke(sharedDev, "payments-dev");
  await grantAndRevoke(platformProd, "payments-dev");
  await accessCheck();
  await environmentAndOffboarding(permissionsTenantSlug);
}
