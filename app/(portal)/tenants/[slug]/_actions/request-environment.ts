"use server";

import { revalidatePath } from "next/cache";
import { environmentRequestForm } from "@/lib/tenants/environment-form";
import { authorizeAction, getCurrentUser } from "@/lib/server/auth/current-user";
import { clusterResource } from "@/lib/server/clusters/cluster-resource";
import { requestContext } from "@/lib/server/request-context";
import { findTenantBySlug } from "@/lib/server/tenants/find-tenant";
import { requestTenantEnvironment } from "@/lib/server/tenants/request-environment";
import type { EnvironmentFormState } from "./form-state";

function submittedValues(formData: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [name, value] of formData) if (typeof value === "string" && !name.startsWith("$")) values[name] = value;
  return values;
}

/**
 * Asks for one environment of a tenant (or, for an admin off production, applies it at once). The
 * tenant and the cluster are looked up on the server; the plan is computed before anything is
 * recorded, so a conflict or an unreachable cluster is refused with its reason.
 */
export async function requestEnvironmentAction(_previous: EnvironmentFormState, formData: FormData): Promise<EnvironmentFormState> {
  const values = submittedValues(formData);
  const parsed = environmentRequestForm.safeParse(Object.fromEntries(formData));
  if (!parsed.success) {
    const fieldErrors: Record<string, string> = {};
    for (const issue of parsed.error.issues) fieldErrors[String(issue.path[0] ?? "form")] ??= issue.message;
    return { status: "error", message: "Check the highlighted fields.", fieldErrors, values };
  }
  if (!(await getCurrentUser())) return { status: "error", message: "Your session has ended. Sign in again and resubmit." };
  const tenant = await findTenantBySlug(parsed.data.tenantSlug);
  if (!tenant) return { status: "error", message: "This tenant does not exist.", values };
  if (tenant.archivedAt) return { status: "error", message: "This tenant is archived; it gets no new environments.", values };
  const applyNow = parsed.data.applyNow === "on";
  const resource = { kind: "tenant-environment" as const, tenantId: tenant.id, cluster: await clusterResource(parsed.data.clusterId) };
  const allowed = await authorizeAction(applyNow ? "environment.apply-directly" : "environment.request", resource);
  if (!allowed.ok) return { status: "error", message: allowed.error, values };

  const outcome = await requestTenantEnvironment(
    { tenant, environment: parsed.data.environment, clusterResourceId: parsed.data.clusterId, template: parsed.data.template },
    parsed.data.justification,
    { applyNow },
    allowed.user,
    await requestContext(),
  );
  if (!outcome.ok) {
    return { status: "error", message: outcome.error, fieldErrors: outcome.field ? { [outcome.field]: outcome.error } : undefined, openRequest: outcome.openRequest, values };
  }
  revalidatePath("/", "layout");
  const message = outcome.status === "approved" ? `Request #${outcome.number} is approved and being applied.` : `Request #${outcome.number} is waiting for a platform admin's approval.`;
  return { status: "done", message, number: outcome.number };
}
