"use client";

import { useActionState } from "react";
import { RequestFeedback } from "@/components/requests/request-feedback";
import { Button } from "@/components/ui/button";
import { maxEnvironmentNameLength } from "@/lib/tenants/environment-names";
import { FieldError, inputClass } from "../../../clusters/[subscriptionId]/[resourceGroup]/[name]/ip-ranges/_components/form-feedback";
import { idleEnvironmentForm } from "../_actions/form-state";
import { requestEnvironmentAction } from "../_actions/request-environment";

export type TemplateChoice = { name: string; label: string; description: string };
export type ClusterChoice = { id: string; name: string; location: string; production: boolean };

/** Asks for a new environment (or a re-apply of one) from a template; the plan is shown on the request. */
export function EnvironmentRequestForm({ tenantSlug, clusters, templates, canApplyDirectly }: { tenantSlug: string; clusters: ClusterChoice[]; templates: TemplateChoice[]; canApplyDirectly: boolean }) {
  const [state, submit, pending] = useActionState(requestEnvironmentAction, idleEnvironmentForm);
  const errors = state.status === "error" ? (state.fieldErrors ?? {}) : {};
  const values = state.status === "error" ? (state.values ?? {}) : {};
  const described = (field: string, hint?: string) => (errors[field] ? `${field}-error` : hint);
  if (clusters.length === 0) return <p className="text-sm text-slate-600 dark:text-slate-400">The inventory has no clusters yet, so there is nowhere to put an environment.</p>;
  return (
    <form action={submit} className="space-y-4 rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900" aria-labelledby="request-environment-heading">
      <h2 id="request-environment-heading" className="text-lg font-semibold">
        Request an environment
      </h2>
      <input type="hidden" name="tenantSlug" value={tenantSlug} />
      <div className="grid gap-4 sm:grid-cols-3">
        <div>
          <label htmlFor="environment" className="text-sm font-medium">
            Environment name
          </label>
          <input id="environment" name="environment" required maxLength={maxEnvironmentNameLength} defaultValue={values.environment ?? ""} className={inputClass} aria-invalid={errors.environment ? true : undefined} aria-describedby={described("environment", "environment-hint")} />
          <p id="environment-hint" className="mt-1 text-xs text-slate-600 dark:text-slate-400">
            e.g. dev or prod; the namespace is {tenantSlug}-&lt;name&gt;.
          </p>
          <FieldError id="environment-error" message={errors.environment} />
        </div>
        <div>
          <label htmlFor="clusterId" className="text-sm font-medium">
            Cluster
          </label>
          <select id="clusterId" name="clusterId" required defaultValue={values.clusterId ?? ""} className={inputClass} aria-invalid={errors.clusterId ? true : undefined} aria-describedby={described("clusterId", "clusterId-hint")}>
            <option value="" disabled>
              Choose a cluster
            </option>
            {clusters.map((cluster) => (
              <option key={cluster.id} value={cluster.id}>
                {cluster.name} ({cluster.location}{cluster.production ? ", production" : ""})
              </option>
            ))}
          </select>
          <p id="clusterId-hint" className="mt-1 text-xs text-slate-600 dark:text-slate-400">
            On production clusters every environment needs a platform admin&apos;s approval.
          </p>
          <FieldError id="clusterId-error" message={errors.clusterId} />
        </div>
        <div>
          <label htmlFor="template" className="text-sm font-medium">
            Template
          </label>
          <select id="template" name="template" defaultValue={values.template ?? "standard"} className={inputClass} aria-invalid={errors.template ? true : undefined} aria-describedby={described("template", "template-hint")}>
            {templates.map((template) => (
              <option key={template.name} value={template.name}>
                {template.label}
              </option>
            ))}
          </select>
          <FieldError id="template-error" message={errors.template} />
        </div>
      </div>
      <ul id="template-hint" className="list-disc space-y-1 pl-5 text-xs text-slate-600 dark:text-slate-400">
        {templates.map((template) => (
          <li key={template.name}>
            <span className="font-medium">{template.label}:</span> {template.description}
          </li>
        ))}
      </ul>
      <div>
        <label htmlFor="environment-justification" className="text-sm font-medium">
          Reason
        </label>
        <textarea id="environment-justification" name="justification" required rows={2} defaultValue={values.justification} className={inputClass} aria-invalid={errors.justification ? true : undefined} aria-describedby={described("justification")} />
        <FieldError id="justification-error" message={errors.justification} />
      </div>
      {canApplyDirectly ? (
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" name="applyNow" defaultChecked={values.applyNow === "on"} className="size-4" />
          Apply now as a direct change (not on production clusters; recorded as approved by you, with the reason above)
        </label>
      ) : null}
      <RequestFeedback state={state} />
      <Button type="submit" disabled={pending}>
        {pending ? "Planning…" : "Request environment"}
      </Button>
    </form>
  );
}
