"use client";

import { useActionState } from "react";
import { DirectChangeSubmit } from "../../_components/direct-change-submit";
import { accessRoles } from "@/lib/access/roles";
import type { GrantChoices } from "@/lib/server/access/access-view";
import { idleAccessForm } from "../_actions/form-state";
import { requestAccessGrantAction } from "../_actions/request-access-grant";
import { FieldError, inputClass } from "../../ip-ranges/_components/form-feedback";
import { RequestFeedback } from "@/components/requests/request-feedback";
import { DurationField } from "./duration-field";
import { PeoplePicker } from "@/components/access/people-picker";
import { searchDirectoryAction } from "@/app/(portal)/access/_actions/search-directory";

/**
 * Grant form. The principal is found with the people picker (Graph's $search; a lead finds only
 * their tenants' groups and members); the server looks the chosen object id up again on submit.
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
      <div className="grid gap-4 sm:grid-cols-2">
        <div>
          <PeoplePicker
            id="principalId"
            name="principalId"
            label="User or group"
            search={searchDirectoryAction}
            invalid={Boolean(errors.principalId)}
            describedBy={described("principalId", "principalId-hint")}
          />
          <p id="principalId-hint" className="mt-1 text-xs text-slate-600 dark:text-slate-400">
            {choices.roles.includes("cluster-admin") ? "Anyone in the directory." : "Your tenants' groups and their members, nested groups included."} Microsoft Graph is asked again when you submit.
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
        <DurationField initial={values.duration} errors={errors} />
      </div>
      <div>
        <label htmlFor="grant-justification" className="text-sm font-medium">
          Reason
        </label>
        <textarea id="grant-justification" name="justification" defaultValue={values.justification} required rows={2} className={inputClass} aria-invalid={errors.justification ? true : undefined} aria-describedby={described("justification")} />
        <FieldError id="justification-error" message={errors.justification} />
      </div>
      <DirectChangeSubmit canApplyDirectly={canApplyDirectly} applyNow={values.applyNow} pending={pending}>
        <RequestFeedback state={state} />
      </DirectChangeSubmit>
    </form>
  );
}
