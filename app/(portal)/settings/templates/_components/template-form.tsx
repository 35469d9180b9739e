"use client";

import Link from "next/link";
import { type ReactNode, useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { type TemplateFormValues, defaultFields, placementFields, podSecurityFields, quotaFields } from "@/lib/tenants/template-fields";
import { FieldError, inputClass } from "../../../tenants/_components/tenant-feedback";
import { createTemplateAction } from "../_actions/create-template";
import { type TemplateFormState, idleTemplateForm } from "../_actions/form-state";
import { updateTemplateAction } from "../_actions/update-template";

type Field = { name: string; label: string; hint?: string };
type FieldProps = { field: Field; values: Record<string, string | undefined>; errors: Partial<Record<string, string>> };

const hintClass = "mt-1 text-xs text-slate-600 dark:text-slate-400";
const fieldsetClass = "space-y-3 rounded-lg border border-slate-200 p-4 dark:border-slate-800";
const legendClass = "px-1 text-sm font-semibold";
const idOf = (name: string) => `template-${name.replace(/\./g, "-")}`;

function describedBy(field: Field, errors: FieldProps["errors"]): string | undefined {
  const ids = [field.hint ? `${idOf(field.name)}-hint` : null, errors[field.name] ? `${idOf(field.name)}-error` : null].filter(Boolean);
  return ids.length > 0 ? ids.join(" ") : undefined;
}

/** A field's label, hint and error around its control, which is labelled and described by them. */
function FieldFrame({ field, errors, children }: { field: Field; errors: FieldProps["errors"]; children: ReactNode }) {
  const id = idOf(field.name);
  return (
    <div>
      <label htmlFor={id} className="text-sm font-medium">
        {field.label}
      </label>
      {children}
      {field.hint ? (
        <p id={`${id}-hint`} className={hintClass}>
          {field.hint}
        </p>
      ) : null}
      <FieldError id={`${id}-error`} message={errors[field.name]} />
    </div>
  );
}

function TextField({ field, values, errors, readOnly = false }: FieldProps & { readOnly?: boolean }) {
  return (
    <FieldFrame field={field} errors={errors}>
      <input id={idOf(field.name)} name={field.name} defaultValue={values[field.name] ?? ""} readOnly={readOnly} autoComplete="off" spellCheck={false} className={inputClass} aria-invalid={errors[field.name] ? true : undefined} aria-describedby={describedBy(field, errors)} />
    </FieldFrame>
  );
}

function SelectField({ field, options, values, errors }: FieldProps & { options: readonly string[] }) {
  return (
    <FieldFrame field={field} errors={errors}>
      <select id={idOf(field.name)} name={field.name} defaultValue={values[field.name] ?? options[0]} className={inputClass} aria-invalid={errors[field.name] ? true : undefined} aria-describedby={describedBy(field, errors)}>
        {options.map((option) => (
          <option key={option} value={option}>
            {option}
          </option>
        ))}
      </select>
    </FieldFrame>
  );
}

function Feedback({ state }: { state: TemplateFormState }) {
  if (state.status === "idle") return <div aria-live="polite" />;
  if (state.status === "error") {
    return (
      <Alert tone="error" role="alert">
        <p>{state.message}</p>
      </Alert>
    );
  }
  return (
    <Alert tone="success" role="status">
      <p>{state.message}</p>
      <p className="mt-1">
        <Link href="/settings/templates" className="font-medium underline underline-offset-2">
          Back to all templates
        </Link>
      </p>
    </Alert>
  );
}

/**
 * Creates a template or edits one (its name then fixed: environments refer to it). Every field is
 * checked on the server; a refused submit shows each field's message and keeps what was typed.
 */
export function TemplateForm({ initial, version }: { initial: TemplateFormValues; version?: string }) {
  const editing = version !== undefined;
  const [state, submit, pending] = useActionState(editing ? updateTemplateAction : createTemplateAction, idleTemplateForm);
  const errors = state.status === "error" ? (state.fieldErrors ?? {}) : {};
  const values: Record<string, string | undefined> = state.status === "error" && state.values ? state.values : initial;
  // After an edit is saved, the next save compares against the version just written.
  const currentVersion = state.status === "done" ? state.version : version;
  const props = { values, errors };
  return (
    <form action={submit} className="space-y-6" aria-label={editing ? `Edit template ${initial.name ?? ""}` : "New template"} noValidate>
      {currentVersion !== undefined ? <input type="hidden" name="version" value={currentVersion} /> : null}
      <fieldset className={fieldsetClass}>
        <legend className={legendClass}>Name and description</legend>
        <div className="grid gap-4 sm:grid-cols-2">
          <TextField field={{ name: "name", label: "Name", hint: editing ? "Fixed: environments refer to the template by it." : "Lower-case letters, digits and '-', e.g. batch-jobs." }} readOnly={editing} {...props} />
          <TextField field={{ name: "label", label: "Display name", hint: "What people choose from, e.g. Batch jobs." }} {...props} />
        </div>
        <TextField field={{ name: "description", label: "Description", hint: "Who the template is for and what it allows." }} {...props} />
      </fieldset>
      <fieldset className={fieldsetClass}>
        <legend className={legendClass}>Resource quota</legend>
        <p className={hintClass}>Kubernetes quantities: cores as 2 or 500m, bytes as 8Gi or 512Mi, counts as whole numbers.</p>
        <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
          {quotaFields.map((field) => (
            <TextField key={field.name} field={field} {...props} />
          ))}
        </div>
      </fieldset>
      <fieldset className={fieldsetClass}>
        <legend className={legendClass}>Container defaults (LimitRange)</legend>
        <p className={hintClass}>Given to containers that set no requests or limits, so they still count against the quota.</p>
        <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
          {defaultFields.map((field) => (
            <TextField key={field.name} field={field} {...props} />
          ))}
        </div>
      </fieldset>
      <fieldset className={fieldsetClass}>
        <legend className={legendClass}>Pod Security admission</legend>
        <div className="grid gap-4 sm:grid-cols-3">
          {podSecurityFields.map((field) => (
            <SelectField key={field.name} field={field} options={["privileged", "baseline", "restricted"]} {...props} />
          ))}
        </div>
      </fieldset>
      <fieldset className={fieldsetClass}>
        <legend className={legendClass}>Network isolation</legend>
        <p className={hintClass}>Always: ingress and egress denied by default, allowed within the namespace and between the tenant&apos;s namespaces, and DNS to kube-dns.</p>
        <TextField field={{ name: "ingressNamespace", label: "Allow traffic from the ingress namespace (optional)", hint: "e.g. app-routing-system; empty: no traffic from outside the tenant." }} {...props} />
      </fieldset>
      <fieldset className={fieldsetClass}>
        <legend className={legendClass}>Dedicated node pool (optional)</legend>
        <p className={hintClass}>The taint the tenant&apos;s pods tolerate and the label they select; an environment is refused on a cluster without a pool that has both. Leave all empty for the shared pools.</p>
        <div className="grid gap-4 sm:grid-cols-2">
          {placementFields.map((field) => (
            <TextField key={field.name} field={field} {...props} />
          ))}
          <SelectField field={{ name: "taintEffect", label: "Taint effect" }} options={["NoSchedule", "PreferNoSchedule", "NoExecute"]} {...props} />
        </div>
      </fieldset>
      <fieldset className={fieldsetClass}>
        <legend className={legendClass}>Workload identity (optional)</legend>
        <TextField field={{ name: "serviceAccount", label: "ServiceAccount federated with a managed identity", hint: "e.g. workload; empty: no workload identity." }} {...props} />
      </fieldset>
      <Feedback state={state} />
      <Button type="submit" disabled={pending}>
        {pending ? "Saving…" : editing ? "Save template" : "Create template"}
      </Button>
    </form>
  );
}
