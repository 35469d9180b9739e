"use server";

import { revalidatePath } from "next/cache";
import { offboardingForm } from "@/lib/tenants/lifecycle-forms";
import { fieldErrorsOf } from "@/lib/tenants/tenant-form";
import { authorizeAction, getCurrentUser } from "@/lib/server/auth/current-user";
import { requestContext } from "@/lib/server/request-context";
import { findTenantBySlug } from "@/lib/server/tenants/find-tenant";
import { requestOffboarding } from "@/lib/server/tenants/request-offboarding";
import { type TenantFormState, submittedValues } from "../../_actions/form-state";

/** Asks to offboard the tenant with its plan as read now; a platform admin who did not ask approves it. */
export async function requestOffboardingAction(_previous: TenantFormState, formData: FormData): Promise<TenantFormState> {
  const values = submittedValues(formData);
  const parsed = offboardingForm.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return { status: "error", message: "Check the highlighted fields. Nothing was recorded.", fieldErrors: fieldErrorsOf(parsed.error), values };
  if (!(await getCurrentUser())) return { status: "error", message: "Your session has ended. Sign in again and resubmit.", values };
  const tenant = await findTenantBySlug(parsed.data.tenantSlug);
  if (!tenant) return { status: "error", message: "This tenant does not exist.", values };
  const allowed = await authorizeAction("tenant.request-offboarding", { kind: "tenant", tenantId: tenant.id });
  if (!allowed.ok) return { status: "error", message: allowed.error, values };
  const outcome = await requestOffboarding({ tenant, deletePolicy: parsed.data.deletePolicy, confirmation: parsed.data.confirmation, justification: parsed.data.justification }, allowed.user, await requestContext());
  if (!outcome.ok) return { status: "error", message: outcome.error, fieldErrors: outcome.field ? { [outcome.field]: outcome.error } : undefined, openRequest: outcome.openRequest, values };
  revalidatePath("/", "layout");
  return { status: "done", message: `Request #${outcome.number} to offboard ${tenant.slug} is waiting for a platform admin's approval.`, number: outcome.number };
}
