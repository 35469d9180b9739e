"use server";

import { revalidatePath } from "next/cache";
import { adoptionForm } from "@/lib/tenants/lifecycle-forms";
import { fieldErrorsOf } from "@/lib/tenants/tenant-form";
import { authorizeAction, getCurrentUser } from "@/lib/server/auth/current-user";
import { requestContext } from "@/lib/server/request-context";
import { adoptNamespace } from "@/lib/server/tenants/adopt-namespace";
import { findTenantBySlug } from "@/lib/server/tenants/find-tenant";
import { type TenantFormState, submittedValues } from "../../_actions/form-state";

/** A platform admin records an existing namespace as an environment of the tenant (audited; nothing written to the cluster). */
export async function adoptNamespaceAction(_previous: TenantFormState, formData: FormData): Promise<TenantFormState> {
  const values = submittedValues(formData);
  const parsed = adoptionForm.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return { status: "error", message: "Check the highlighted fields. Nothing was recorded.", fieldErrors: fieldErrorsOf(parsed.error), values };
  if (!(await getCurrentUser())) return { status: "error", message: "Your session has ended. Sign in again and resubmit.", values };
  const tenant = await findTenantBySlug(parsed.data.tenantSlug);
  if (!tenant) return { status: "error", message: "This tenant does not exist.", values };
  const allowed = await authorizeAction("tenant.manage", { kind: "tenant", tenantId: tenant.id });
  if (!allowed.ok) return { status: "error", message: allowed.error, values };
  const adopted = await adoptNamespace({ tenantId: tenant.id, clusterResourceId: parsed.data.clusterId, namespace: parsed.data.namespace, environment: parsed.data.environment }, allowed.user, await requestContext());
  if (!adopted.ok) return { status: "error", message: adopted.error, fieldErrors: adopted.field ? { [adopted.field]: adopted.error } : undefined, values };
  revalidatePath("/", "layout");
  return { status: "done", message: `${parsed.data.namespace} is now ${tenant.slug}'s ${parsed.data.environment} environment.` };
}
