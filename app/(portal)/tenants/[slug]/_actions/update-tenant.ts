"use server";

import { revalidatePath } from "next/cache";
import { fieldErrorsOf, tenantDetailsForm, tenantFormValues } from "@/lib/tenants/tenant-form";
import { authorizeAction, getCurrentUser } from "@/lib/server/auth/current-user";
import { requestContext } from "@/lib/server/request-context";
import { findTenantBySlug } from "@/lib/server/tenants/find-tenant";
import { updateTenant } from "@/lib/server/tenants/manage-tenant";
import { type TenantFormState, submittedValues } from "../../_actions/form-state";

/** A platform admin changes a tenant's name, groups, contacts or cost centre (audited with before and after). */
export async function updateTenantAction(_previous: TenantFormState, formData: FormData): Promise<TenantFormState> {
  const values = submittedValues(formData);
  const parsed = tenantDetailsForm.safeParse(tenantFormValues(formData));
  if (!parsed.success) return { status: "error", message: "Check the highlighted fields. Nothing was changed.", fieldErrors: fieldErrorsOf(parsed.error), values };
  if (!(await getCurrentUser())) return { status: "error", message: "Your session has ended. Sign in again and resubmit.", values };
  const tenant = await findTenantBySlug(String(formData.get("tenantSlug") ?? ""));
  if (!tenant) return { status: "error", message: "This tenant does not exist.", values };
  const allowed = await authorizeAction("tenant.manage", { kind: "tenant", tenantId: tenant.id });
  if (!allowed.ok) return { status: "error", message: allowed.error, values };
  const updated = await updateTenant(tenant.id, parsed.data, allowed.user, await requestContext());
  if (!updated.ok) return { status: "error", message: updated.error, fieldErrors: updated.field ? { [updated.field]: updated.error } : undefined, values };
  revalidatePath("/", "layout");
  return { status: "done", message: `${tenant.slug} is updated.` };
}
