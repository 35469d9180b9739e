"use client";

import { useActionState } from "react";
import { adoptRangeAction } from "../_actions/adopt-range";
import { idleRangeForm, refusalOf } from "../_actions/form-state";
import { Button } from "@/components/ui/button";
import { FieldError, FormFeedback, inputClass } from "./form-feedback";

export function AdoptRangeForm({ clusterId, range }: { clusterId: string; range: string }) {
  const [state, submit, pending] = useActionState(adoptRangeAction, idleRangeForm);
  const id = range.replace(/[^0-9a-z]/gi, "-");
  const { errors, values } = refusalOf(state);
  return (
    <details>
      <summary className="cursor-pointer text-sm font-medium text-sky-700 hover:underline dark:text-sky-400">
        Adopt<span className="sr-only"> {range}</span>
      </summary>
      <form action={submit} className="mt-2 w-72 space-y-2">
        <input type="hidden" name="clusterId" value={clusterId} />
        <input type="hidden" name="range" value={range} />
        <label htmlFor={`adopt-owner-${id}`} className="text-sm font-medium">
          Owner
        </label>
        <input id={`adopt-owner-${id}`} name="owner" defaultValue={values.owner} className={inputClass} />
        <label htmlFor={`adopt-reason-${id}`} className="text-sm font-medium">
          What is {range} for?
        </label>
        <textarea id={`adopt-reason-${id}`} name="justification" defaultValue={values.justification} required rows={2} className={inputClass} aria-invalid={errors.justification ? true : undefined} />
        <FieldError id={`adopt-reason-error-${id}`} message={errors.justification} />
        <FormFeedback state={state} />
        <Button type="submit" variant="secondary" disabled={pending}>
          {pending ? "Saving…" : "Record in Clusterdesk"}
        </Button>
      </form>
    </details>
  );
}
