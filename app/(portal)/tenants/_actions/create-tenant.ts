"use server";

import { revalidatePath } from "next/cache";
import { can } from "@/lib/auth/policy";
import { fieldErrorsOf, tenantCreateForm, tenantFormValues } from "@/lib/tenants/tenant-form";
import { authorizeAction, getCurrentUser } from "@/lib/server/auth/current-user";
import { requestContext } from "@/lib/server/request-context";
import { createTenant, requestTenantCreation } from "@/lib/server/tenants/manage-tenant";
import { type TenantFormState, submittedValues } from "./form-state";

/**
 * Onboards a tenant: a platform admin creates it at once (audited); a team lead asks for it, and a
 * platform admin other than them approves. Whichever the caller may do is decided by the policy, not
 * by the form. Refused input records nothing.
 */
export async function createTenantAction(_previous: TenantFormState, formData: FormData): Promise<TenantFormState> {
  const values = submittedValues(formData);
  const parsed = tenantCreateForm.safeParse(tenantFormValues(formData));
  if (!parsed.success) return { status: "error", message: "Check the highlighted fields. Nothing was recorded.", fieldErrors: fieldErrorsOf(parsed.error), values };
  const user = await getCurrentUser();
  if (!user) return { status: "error", message: "Your session has ended. Sign in again and resubmit.", values };
  // Pick the path from the pure policy first, so a lead's ordinary request is not audited as a denial.
  if (can(user.principal, "tenant.create", { kind: "portal" })) {
    const direct = await authorizeAction("tenant.create", { kind: "portal" });
    if (!direct.ok) return { status: "error", message: direct.error, values };
    const created = await createTenant(parsed.data, direct.user, await requestContext());
    if (!created.ok) return { status: "error", message: created.error, fieldErrors: created.field ? { [created.field]: created.error } : undefined, values };
    revalidatePath("/", "layout");
    return { status: "done", message: `Tenant ${created.slug} is created. Members of its owner group are now its team leads.`, slug: created.slug };
  }
  const asked = await authorizeAction("tenant.request-create", { kind: "portal" });
  if (!asked.ok) return { status: "error", message: asked.error, values };
  const requested = await requestTenantCreation(parsed.data, asked.user, await requestContext());
  if (!requested.ok) return { status: "error", message: requested.error, fieldErrors: requested.field ? { [requested.field]: requested.error } : undefined, openRequest: requested.openRequest, values };
  revalidatePath("/requests");
  return { status: "done", message: `Request #${requested.number} for tenant ${requested.slug} is waiting for a platform admin's approval.`, number: requested.number };
}
