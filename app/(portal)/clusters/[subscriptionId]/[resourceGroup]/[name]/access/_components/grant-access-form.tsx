"use client";

import { useActionState } from "react";
import { DirectChangeSubmit } from "../../_components/direct-change-submit";
import { accessDurations } from "@/lib/access/durations";
import { accessRoles } from "@/lib/access/roles";
import type { GrantChoices } from "@/lib/server/access/access-view";
import { idleAccessForm } from "../_actions/form-state";
import { requestAccessGrantAction } from "../_actions/request-access-grant";
import { FieldError, inputClass } from "../../ip-ranges/_components/form-feedback";
import { AccessFeedback } from "./access-feedback";

/**
 * Grant form. The principal is chosen among the members of the tenants' groups as Graph lists them
 * (a search over the whole directory is not built yet); the server checks membership again.
 */
export function GrantAccessForm({ clusterId, choices, canApplyDirectly, fourEyes }: { clusterId: string; choices: GrantChoices; canApplyDirectly: boolean; fourEyes: string | null }) {
  const [state, submit, pending] = useActionState(requestAccessGrantAction, idleAccessForm);
  const errors = state.status === "error" ? (state.fieldErrors ?? {}) : {};
  const values = state.status === "error" ? (state.values ?? {}) : {};
  const described = (field: string, hint?: string) => (errors[field] ? `${field}-error` : hint);
  if (choices.namespaces.length === 0 && !choices.allowClusterScope) {
    return <p className="text-sm text-slate-600 dark:text-slate-400">None of your tenants has a namespace on this cluster, so there is nothing you can grant here.</p>;
  }
  return (
    <form action={submit} className="space-y-4" aria-labelledby="grant-heading">
      <h2 id="grant-heading" className="text-lg font-semibold">
        {canApplyDirectly ? "Grant access" : "Request access"}
      </h2>
      <input type="hidden" name="clusterId" value={clusterId} />
      {fourEyes ? (
        <p role="note" className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-950 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-50">
          {fourEyes}
        </p>
      ) : null}
      {choices.directoryError ? (
        <p role="note" className="text-sm text-amber-900 dark:text-amber-200">
          {choices.directoryError}
        </p>
      ) : null}
      <div className="grid gap-4 sm:grid-cols-2">
        <div>
          <label htmlFor="principalId" className="text-sm font-medium">
            User or group
          </label>
          <select id="principalId" name="principalId" required defaultValue={values.principalId ?? ""} className={inputClass} aria-invalid={errors.principalId ? true : undefined} aria-describedby={described("principalId", "principalId-hint")}>
            <option value="" disabled>
              Choose a member of your tenant&apos;s groups
            </option>
            {choices.principals.map((tenant) => (
              <optgroup key={tenant.tenantName} label={tenant.tenantName}>
                {tenant.options.map((option) => (
                  <option key={`${tenant.tenantName}-${option.objectId}`} value={option.objectId}>
                    {option.label}
                  </option>
                ))}
              </optgroup>
            ))}
          </select>
          <p id="principalId-hint" className="mt-1 text-xs text-slate-600 dark:text-slate-400">
            Members of the tenants&apos; owner and member groups, nested groups included, as Microsoft Graph lists them.
          </p>
          <FieldError id="principalId-error" message={errors.principalId} />
        </div>
        <div>
          <label htmlFor="namespace" className="text-sm font-medium">
            Namespace
          </label>
          <select id="namespace" name="namespace" defaultValue={values.namespace ?? choices.namespaces[0]?.namespace ?? ""} className={inputClass} aria-invalid={errors.namespace ? true : undefined} aria-describedby={described("namespace")}>
            {choices.namespaces.map((entry) => (
              <option key={entry.namespace} value={entry.namespace}>
                {entry.namespace} ({entry.tenantName})
              </option>
            ))}
            {choices.allowClusterScope ? <option value="">Whole cluster (all namespaces)</option> : null}
          </select>
          <FieldError id="namespace-error" message={errors.namespace} />
        </div>
        <div>
          <label htmlFor="role" className="text-sm font-medium">
            Role
          </label>
          <select id="role" name="role" defaultValue={values.role ?? "reader"} className={inputClass} aria-invalid={errors.role ? true : undefined} aria-describedby={described("role")}>
            {choices.roles.map((role) => (
              <option key={role} value={role}>
                {accessRoles[role].name}
              </option>
            ))}
          </select>
          <FieldError id="role-error" message={errors.role} />
        </div>
        <div>
          <label htmlFor="duration" className="text-sm font-medium">
            Duration
          </label>
          <select id="duration" name="duration" defaultValue={values.duration ?? "8h"} className={inputClass} aria-describedby="duration-hint">
            {Object.entries(accessDurations).map(([value, duration]) => (
              <option key={value} value={value}>
                {duration.label}
              </option>
            ))}
          </select>
          <p id="duration-hint" className="mt-1 text-xs text-slate-600 dark:text-slate-400">
            Counted from when the access is applied; Clusterdesk revokes it then.
          </p>
        </div>
      </div>
      <div>
        <label htmlFor="grant-justification" className="text-sm font-medium">
          Reason
        </label>
        <textarea id="grant-justification" name="justification" defaultValue={values.justification} required rows={2} className={inputClass} aria-invalid={errors.justification ? true : undefined} aria-describedby={described("justification")} />
        <FieldError id="justification-error" message={errors.justification} />
      </div>
      <DirectChangeSubmit canApplyDirectly={canApplyDirectly} applyNow={values.applyNow} pending={pending}>
        <AccessFeedback state={state} />
      </DirectChangeSubmit>
    </form>
  );
}
