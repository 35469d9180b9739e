"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { authorizeAction } from "@/lib/server/auth/current-user";
import { clusterResource } from "@/lib/server/clusters/cluster-resource";
import { requestContext } from "@/lib/server/request-context";
import { findTenantBySlug } from "@/lib/server/tenants/find-tenant";
import { appliedEnvironment, requestReapply } from "@/lib/server/tenants/reapply-environment";
import type { EnvironmentFormState } from "./form-state";

const reapplyForm = z.object({
  tenantSlug: z.string().min(1).max(40),
  clusterId: z.string().min(1).max(400),
  namespace: z.string().min(1).max(63),
  justification: z.string().trim().min(5, "Say why the environment should be re-applied (at least 5 characters).").max(1000, "Keep the reason under 1000 characters."),
});

/**
 * Asks to re-apply an applied environment (e.g. after drift): the environment is looked up on the
 * server by tenant, cluster and namespace, the policy is `environment.request` on it, and the request
 * is planned now against the live cluster; a refusal records nothing.
 */
export async function reapplyEnvironmentAction(_previous: EnvironmentFormState, formData: FormData): Promise<EnvironmentFormState> {
  const values = { justification: String(formData.get("justification") ?? "") };
  const parsed = reapplyForm.safeParse(Object.fromEntries(formData));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { status: "error", message: issue?.path[0] === "justification" ? issue.message : "This is not an environment Clusterdesk applied.", fieldErrors: issue?.path[0] === "justification" ? { justification: issue.message } : undefined, values };
  }
  const tenant = await findTenantBySlug(parsed.data.tenantSlug);
  const environment = tenant ? await appliedEnvironment(tenant.id, parsed.data.clusterId, parsed.data.namespace) : null;
  if (!tenant || !environment) return { status: "error", message: "This tenant has no environment Clusterdesk applied there.", values };
  if (tenant.archivedAt) return { status: "error", message: "This tenant is archived; its environments are not re-applied.", values };
  const allowed = await authorizeAction("environment.request", { kind: "tenant-environment", tenantId: tenant.id, cluster: await clusterResource(environment.clusterResourceId) });
  if (!allowed.ok) return { status: "error", message: allowed.error, values };
  const outcome = await requestReapply(tenant, environment, parsed.data.justification, allowed.user, await requestContext());
  if (!outcome.ok) return { status: "error", message: outcome.error, openRequest: outcome.openRequest, values };
  revalidatePath("/", "layout");
  return { status: "done", message: `Request #${outcome.number} to re-apply ${environment.namespace} is waiting for a platform admin's approval.`, number: outcome.number };
}
