"use client";

import { useActionState } from "react";
import { RequestFeedback } from "@/components/requests/request-feedback";
import { Button } from "@/components/ui/button";
import { FieldError, inputClass } from "../../../_components/tenant-feedback";
import { idleEnvironmentForm } from "../../_actions/form-state";
import { reapplyEnvironmentAction } from "../../_actions/reapply-environment";

/** Asks for a re-apply of one environment; a platform admin approves it like any environment request. */
export function ReapplyForm({ tenantSlug, clusterId, namespace }: { tenantSlug: string; clusterId: string; namespace: string }) {
  const [state, submit, pending] = useActionState(reapplyEnvironmentAction, idleEnvironmentForm);
  const errors = state.status === "error" ? (state.fieldErrors ?? {}) : {};
  const values = state.status === "error" ? (state.values ?? {}) : {};
  return (
    <form action={submit} className="space-y-4 rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900" aria-labelledby="reapply-heading">
      <h2 id="reapply-heading" className="text-lg font-semibold">
        Request a re-apply
      </h2>
      <input type="hidden" name="tenantSlug" value={tenantSlug} />
      <input type="hidden" name="clusterId" value={clusterId} />
      <input type="hidden" name="namespace" value={namespace} />
      <div>
        <label htmlFor="reapply-justification" className="text-sm font-medium">
          Reason
        </label>
        <textarea id="reapply-justification" name="justification" required rows={2} defaultValue={values.justification} className={inputClass} aria-invalid={errors.justification ? true : undefined} aria-describedby={errors.justification ? "reapply-justification-error" : undefined} />
        <FieldError id="reapply-justification-error" message={errors.justification} />
      </div>
      <RequestFeedback state={state} />
      <Button type="submit" disabled={pending}>
        {pending ? "Planning…" : "Request re-apply"}
      </Button>
    </form>
  );
}
