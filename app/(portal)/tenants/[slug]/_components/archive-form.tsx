"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { idleTenantForm } from "../../_actions/form-state";
import { FieldError, TenantFeedback, inputClass } from "../../_components/tenant-feedback";
import { archiveTenantAction } from "../_actions/archive-tenant";

/** Archives a tenant without environments (slug typed again); its audit history stays. */
export function ArchiveForm({ tenantSlug }: { tenantSlug: string }) {
  const [state, submit, pending] = useActionState(archiveTenantAction, idleTenantForm);
  const errors = state.status === "error" ? (state.fieldErrors ?? {}) : {};
  return (
    <form action={submit} className="space-y-3 rounded-lg border border-red-200 bg-white p-4 dark:border-red-900 dark:bg-slate-900" aria-labelledby="archive-heading">
      <h3 id="archive-heading" className="font-semibold">
        Archive {tenantSlug}
      </h3>
      <p className="text-sm text-slate-600 dark:text-slate-400">The tenant has no environments. Archiving ends its owners&apos; team-lead rights; its audit history stays.</p>
      <input type="hidden" name="tenantSlug" value={tenantSlug} />
      <div className="max-w-sm">
        <label htmlFor="archive-confirmation" className="text-sm font-medium">
          Type <span className="font-mono">{tenantSlug}</span> to confirm
        </label>
        <input id="archive-confirmation" name="confirmation" required autoComplete="off" className={inputClass} aria-invalid={errors.confirmation ? true : undefined} aria-describedby={errors.confirmation ? "archive-confirmation-error" : undefined} />
        <FieldError id="archive-confirmation-error" message={errors.confirmation} />
      </div>
      <TenantFeedback state={state} />
      <Button type="submit" variant="danger" disabled={pending}>
        {pending ? "Archiving…" : "Archive tenant"}
      </Button>
    </form>
  );
}
