"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { idleTenantForm } from "../../_actions/form-state";
import { type GroupChoice, GroupFields } from "../../_components/group-fields";
import { DetailsFields } from "../../_components/details-fields";
import { FieldError, TenantFeedback, inputClass } from "../../_components/tenant-feedback";
import { updateTenantAction } from "../_actions/update-tenant";

export type TenantDetailsValues = { slug: string; displayName: string; owner: GroupChoice; members: GroupChoice[]; contacts: string; costCentre: string };

/** An admin's edit of a tenant's name, groups, contacts and cost centre; the slug stays (it names namespaces). */
export function TenantDetailsForm({ tenant }: { tenant: TenantDetailsValues }) {
  const [state, submit, pending] = useActionState(updateTenantAction, idleTenantForm);
  const errors = state.status === "error" ? (state.fieldErrors ?? {}) : {};
  const values = { contacts: tenant.contacts, costCentre: tenant.costCentre, displayName: tenant.displayName, ...(state.status === "error" ? (state.values ?? {}) : {}) };
  return (
    <form action={submit} className="space-y-4 rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900" aria-labelledby="tenant-details-heading">
      <h2 id="tenant-details-heading" className="text-lg font-semibold">
        Tenant details
      </h2>
      <input type="hidden" name="tenantSlug" value={tenant.slug} />
      <div className="max-w-md">
        <label htmlFor="displayName" className="text-sm font-medium">
          Display name
        </label>
        <input id="displayName" name="displayName" required maxLength={100} defaultValue={values.displayName} className={inputClass} aria-invalid={errors.displayName ? true : undefined} aria-describedby={errors.displayName ? "displayName-error" : undefined} />
        <FieldError id="displayName-error" message={errors.displayName} />
      </div>
      <GroupFields owner={tenant.owner} members={tenant.members} errors={errors} />
      <DetailsFields values={values} errors={errors} />
      <TenantFeedback state={state} />
      <Button type="submit" disabled={pending}>
        {pending ? "Saving…" : "Save changes"}
      </Button>
    </form>
  );
}
