"use server";

import { revalidatePath } from "next/cache";
import { archiveForm } from "@/lib/tenants/lifecycle-forms";
import { fieldErrorsOf } from "@/lib/tenants/tenant-form";
import { authorizeAction, getCurrentUser } from "@/lib/server/auth/current-user";
import { requestContext } from "@/lib/server/request-context";
import { actorOf } from "@/lib/server/requests/actor";
import { findTenantBySlug } from "@/lib/server/tenants/find-tenant";
import { archiveTenant } from "@/lib/server/tenants/manage-tenant";
import { type TenantFormState, submittedValues } from "../../_actions/form-state";

/** A platform admin archives a tenant that has no environments (one with environments is offboarded). */
export async function archiveTenantAction(_previous: TenantFormState, formData: FormData): Promise<TenantFormState> {
  const values = submittedValues(formData);
  const parsed = archiveForm.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return { status: "error", message: "Check the highlighted fields. Nothing was changed.", fieldErrors: fieldErrorsOf(parsed.error), values };
  if (!(await getCurrentUser())) return { status: "error", message: "Your session has ended. Sign in again and resubmit.", values };
  const tenant = await findTenantBySlug(parsed.data.tenantSlug);
  if (!tenant) return { status: "error", message: "This tenant does not exist.", values };
  const allowed = await authorizeAction("tenant.manage", { kind: "tenant", tenantId: tenant.id });
  if (!allowed.ok) return { status: "error", message: allowed.error, values };
  if (parsed.data.confirmation !== tenant.slug) {
    const message = `Type the tenant's short name, ${tenant.slug}, to confirm.`;
    return { status: "error", message, fieldErrors: { confirmation: message }, values };
  }
  const archived = await archiveTenant(tenant.id, actorOf(allowed.user), await requestContext(), { reason: "Archived by a platform admin" });
  if (!archived.ok) return { status: "error", message: archived.error, values };
  revalidatePath("/", "layout");
  return { status: "done", message: `${tenant.slug} is archived. Its audit history stays; it grants nobody rights any more.` };
}
