"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { maxTenantSlugLength } from "@/lib/tenants/tenant-names";
import { idleTenantForm } from "../_actions/form-state";
import { createTenantAction } from "../_actions/create-tenant";
import { DetailsFields } from "./details-fields";
import { GroupFields } from "./group-fields";
import { FieldError, TenantFeedback, inputClass } from "./tenant-feedback";

/**
 * Onboards a tenant: an admin creates it at once, a team lead asks for it (with a reason). The server
 * decides which, from the policy; `mode` only words the form.
 */
export function TenantCreateForm({ mode }: { mode: "create" | "request" }) {
  const [state, submit, pending] = useActionState(createTenantAction, idleTenantForm);
  const errors = state.status === "error" ? (state.fieldErrors ?? {}) : {};
  const values = state.status === "error" ? (state.values ?? {}) : {};
  const described = (field: string, hint?: string) => [errors[field] ? `${field}-error` : null, hint].filter(Boolean).join(" ") || undefined;
  return (
    <form action={submit} className="space-y-4 rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900" aria-labelledby="create-tenant-heading">
      <h2 id="create-tenant-heading" className="text-lg font-semibold">
        {mode === "create" ? "Create a tenant" : "Ask for a new tenant"}
      </h2>
      <div className="grid gap-4 sm:grid-cols-2">
        <div>
          <label htmlFor="slug" className="text-sm font-medium">
            Short name
          </label>
          <input id="slug" name="slug" required maxLength={maxTenantSlugLength} defaultValue={values.slug ?? ""} className={inputClass} aria-invalid={errors.slug ? true : undefined} aria-describedby={described("slug", "slug-hint")} />
          <p id="slug-hint" className="mt-1 text-xs text-slate-600 dark:text-slate-400">
            Lower-case letters, digits and &apos;-&apos;, e.g. orion. It names the tenant&apos;s namespaces (orion-dev) and cannot change later.
          </p>
          <FieldError id="slug-error" message={errors.slug} />
        </div>
        <div>
          <label htmlFor="displayName" className="text-sm font-medium">
            Display name
          </label>
          <input id="displayName" name="displayName" required maxLength={100} defaultValue={values.displayName ?? ""} className={inputClass} aria-invalid={errors.displayName ? true : undefined} aria-describedby={described("displayName")} />
          <FieldError id="displayName-error" message={errors.displayName} />
        </div>
      </div>
      <GroupFields owner={null} members={[]} errors={errors} />
      <DetailsFields values={values} errors={errors} />
      {mode === "request" ? (
        <div>
          <label htmlFor="tenant-justification" className="text-sm font-medium">
            Reason
          </label>
          <textarea id="tenant-justification" name="justification" required rows={2} defaultValue={values.justification} className={inputClass} aria-invalid={errors.justification ? true : undefined} aria-describedby={described("justification")} />
          <FieldError id="justification-error" message={errors.justification} />
        </div>
      ) : null}
      <TenantFeedback state={state} />
      <Button type="submit" disabled={pending}>
        {pending ? "Checking…" : mode === "create" ? "Create tenant" : "Ask for tenant"}
      </Button>
    </form>
  );
}
