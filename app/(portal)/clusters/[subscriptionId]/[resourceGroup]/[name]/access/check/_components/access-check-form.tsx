"use client";

import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { checkResourceNames, checkVerbs } from "@/lib/access/access-check";
import { idleAccessCheck } from "../_actions/check-state";
import { checkAccessAction } from "../_actions/check-access";
import { FieldError, inputClass } from "../../../ip-ranges/_components/form-feedback";
import { AccessAnswer } from "./access-answer";

/** The question, then the answer below it; the server resolves the person and asks the cluster. */
export function AccessCheckForm({ clusterId, namespaces }: { clusterId: string; namespaces: Array<{ namespace: string; tenantName: string }> }) {
  const [state, submit, pending] = useActionState(checkAccessAction, idleAccessCheck);
  const errors = state.status === "error" ? (state.fieldErrors ?? {}) : {};
  const values = state.status === "idle" ? {} : (state.values ?? {});
  const described = (field: string, hint?: string) => (errors[field] ? `${field}-error` : hint);
  return (
    <div className="space-y-6">
      <form action={submit} className="space-y-4 rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900" aria-labelledby="check-heading">
        <h2 id="check-heading" className="text-lg font-semibold">
          Can this person…
        </h2>
        <input type="hidden" name="clusterId" value={clusterId} />
        <div className="grid gap-4 sm:grid-cols-2">
          <div className="sm:col-span-2">
            <label htmlFor="person" className="text-sm font-medium">
              Person or group
            </label>
            <input id="person" name="person" required defaultValue={values.person ?? ""} autoComplete="off" spellCheck={false} className={inputClass} aria-invalid={errors.person ? true : undefined} aria-describedby={described("person", "person-hint")} />
            <p id="person-hint" className="mt-1 text-xs text-slate-600 dark:text-slate-400">
              An Entra object id (user or group), or a user&apos;s UPN or e-mail address.
            </p>
            <FieldError id="person-error" message={errors.person} />
          </div>
          <div>
            <label htmlFor="verb" className="text-sm font-medium">
              Verb
            </label>
            <select id="verb" name="verb" defaultValue={values.verb ?? "create"} className={inputClass} aria-invalid={errors.verb ? true : undefined} aria-describedby={described("verb")}>
              {checkVerbs.map((verb) => (
                <option key={verb} value={verb}>
                  {verb}
                </option>
              ))}
            </select>
            <FieldError id="verb-error" message={errors.verb} />
          </div>
          <div>
            <label htmlFor="resource" className="text-sm font-medium">
              Resource
            </label>
            <select id="resource" name="resource" defaultValue={values.resource ?? "configmaps"} className={inputClass} aria-invalid={errors.resource ? true : undefined} aria-describedby={described("resource")}>
              {checkResourceNames.map((resource) => (
                <option key={resource} value={resource}>
                  {resource}
                </option>
              ))}
            </select>
            <FieldError id="resource-error" message={errors.resource} />
          </div>
          <div className="sm:col-span-2">
            <label htmlFor="namespace" className="text-sm font-medium">
              Namespace
            </label>
            <select id="namespace" name="namespace" defaultValue={values.namespace ?? namespaces[0]?.namespace ?? ""} className={inputClass} aria-invalid={errors.namespace ? true : undefined} aria-describedby={described("namespace")}>
              {namespaces.map((entry) => (
                <option key={entry.namespace} value={entry.namespace}>
                  {entry.namespace} ({entry.tenantName})
                </option>
              ))}
            </select>
            <FieldError id="namespace-error" message={errors.namespace} />
          </div>
        </div>
        <div className="flex items-center gap-3">
          <Button type="submit" disabled={pending} aria-describedby="check-progress">
            {pending ? "Checking…" : "Check access"}
          </Button>
          <p id="check-progress" role="status" aria-live="polite" className="text-sm text-slate-600 dark:text-slate-400">
            {pending ? "Asking the cluster's API server…" : ""}
          </p>
        </div>
        {state.status === "error" ? (
          <Alert tone="error" role="alert">
            {state.message}
          </Alert>
        ) : null}
      </form>
      {state.status === "done" && !pending ? <AccessAnswer answered={state} /> : null}
      {state.status === "idle" ? <p className="text-sm text-slate-600 dark:text-slate-400">No check yet. The answer and what this person can do in the namespace appear here.</p> : null}
    </div>
  );
}
