"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { idleTenantForm } from "../../_actions/form-state";
import { FieldError, TenantFeedback, inputClass } from "../../_components/tenant-feedback";
import { requestOffboardingAction } from "../_actions/request-offboarding";

/** Asks to offboard the tenant: delete policy, reason, and the slug typed again to confirm. A platform admin approves. */
export function OffboardingForm({ tenantSlug }: { tenantSlug: string }) {
  const [state, submit, pending] = useActionState(requestOffboardingAction, idleTenantForm);
  const errors = state.status === "error" ? (state.fieldErrors ?? {}) : {};
  const values = state.status === "error" ? (state.values ?? {}) : {};
  const policy = values.deletePolicy ?? "keep";
  return (
    <form action={submit} className="space-y-4 rounded-lg border border-red-200 bg-white p-4 dark:border-red-900 dark:bg-slate-900" aria-labelledby="offboard-form-heading">
      <h3 id="offboard-form-heading" className="font-semibold">
        Ask to offboard {tenantSlug}
      </h3>
      <input type="hidden" name="tenantSlug" value={tenantSlug} />
      <fieldset aria-describedby={errors.deletePolicy ? "deletePolicy-error" : undefined}>
        <legend className="text-sm font-medium">What happens to the namespaces</legend>
        <label className="mt-2 flex items-start gap-2 text-sm">
          <input type="radio" name="deletePolicy" value="keep" defaultChecked={policy === "keep"} className="mt-1 size-4" />
          <span>
            <span className="font-medium">Keep them</span>: workloads stay; the portal&apos;s own RoleBindings, labels and annotations are removed.
          </span>
        </label>
        <label className="mt-1 flex items-start gap-2 text-sm">
          <input type="radio" name="deletePolicy" value="delete" defaultChecked={policy === "delete"} className="mt-1 size-4" />
          <span>
            <span className="font-medium">Delete them</span> with everything in them (counted above).
          </span>
        </label>
        <FieldError id="deletePolicy-error" message={errors.deletePolicy} />
      </fieldset>
      <div>
        <label htmlFor="offboard-justification" className="text-sm font-medium">
          Why offboard
        </label>
        <textarea id="offboard-justification" name="justification" required rows={2} defaultValue={values.justification} className={inputClass} aria-invalid={errors.justification ? true : undefined} aria-describedby={errors.justification ? "offboard-justification-error" : undefined} />
        <FieldError id="offboard-justification-error" message={errors.justification} />
      </div>
      <div className="max-w-sm">
        <label htmlFor="offboard-confirmation" className="text-sm font-medium">
          Type <span className="font-mono">{tenantSlug}</span> to confirm
        </label>
        <input id="offboard-confirmation" name="confirmation" required autoComplete="off" defaultValue="" className={inputClass} aria-invalid={errors.confirmation ? true : undefined} aria-describedby={errors.confirmation ? "offboard-confirmation-error" : undefined} />
        <FieldError id="offboard-confirmation-error" message={errors.confirmation} />
      </div>
      <TenantFeedback state={state} />
      <Button type="submit" variant="danger" disabled={pending}>
        {pending ? "Planning…" : "Ask to offboard"}
      </Button>
    </form>
  );
}
