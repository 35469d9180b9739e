"use client";

import { useActionState, useRef } from "react";
import { expiryChoices } from "@/lib/network/expiry-choices";
import { idleRangeForm, refusalOf } from "../_actions/form-state";
import { requestRangeAdditionAction } from "../_actions/request-range-addition";
import { Button } from "@/components/ui/button";
import { DirectChangeSubmit } from "../../_components/direct-change-submit";
import { FieldError, FormFeedback, inputClass } from "./form-feedback";

export type RangeRules = { minimumPrefixLength: number; fourEyes: string | null };

export function AddRangeForm({ clusterId, clientAddress, canApplyDirectly, rules }: { clusterId: string; clientAddress: string | null; canApplyDirectly: boolean; rules: RangeRules }) {
  const [state, submit, pending] = useActionState(requestRangeAdditionAction, idleRangeForm);
  const rangeInput = useRef<HTMLInputElement>(null);
  const { errors, values } = refusalOf(state);
  return (
    <form action={submit} className="space-y-4" aria-labelledby="add-range-heading">
      <h2 id="add-range-heading" className="text-lg font-semibold">
        {canApplyDirectly ? "Add a range" : "Request a range"}
      </h2>
      <input type="hidden" name="clusterId" value={clusterId} />
      {rules.fourEyes ? (
        <p role="note" className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-950 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-50">
          {rules.fourEyes}
        </p>
      ) : null}
      <div>
        <label htmlFor="range" className="text-sm font-medium">
          IPv4 address or CIDR range
        </label>
        <div className="flex gap-2">
          <input
            ref={rangeInput}
            id="range"
            name="range"
            defaultValue={values.range}
            required
            placeholder="203.0.113.7 or 198.51.100.0/28"
            aria-invalid={errors.range ? true : undefined}
            aria-describedby={errors.range ? "range-error" : "range-hint"}
            className={inputClass}
          />
          {clientAddress ? (
            <Button
              variant="secondary"
              className="mt-1 whitespace-nowrap"
              onClick={() => {
                if (rangeInput.current) rangeInput.current.value = clientAddress;
                rangeInput.current?.focus();
              }}
            >
              Add my IP
            </Button>
          ) : null}
        </div>
        <p id="range-hint" className="mt-1 text-xs text-slate-600 dark:text-slate-400">
          A bare address becomes a /32. Ranges wider than /{rules.minimumPrefixLength}, and 0.0.0.0/0, are refused; so is a range already allowed by a wider one.
          {clientAddress ? ` Your address as the portal sees it: ${clientAddress}.` : ""}
        </p>
        <FieldError id="range-error" message={errors.range} />
      </div>
      <div className="grid gap-4 sm:grid-cols-2">
        <div>
          <label htmlFor="owner" className="text-sm font-medium">
            Owner <span className="font-normal text-slate-500">(optional)</span>
          </label>
          <input id="owner" name="owner" defaultValue={values.owner} placeholder="e.g. CI agents, Berlin office" className={inputClass} aria-invalid={errors.owner ? true : undefined} />
          <FieldError id="owner-error" message={errors.owner} />
        </div>
        <div>
          <label htmlFor="expiry" className="text-sm font-medium">
            Remove automatically after
          </label>
          <select id="expiry" name="expiry" aria-describedby="expiry-hint" defaultValue={values.expiry ?? "8h"} className={inputClass}>
            {Object.entries(expiryChoices).map(([value, choice]) => (
              <option key={value} value={value}>
                {choice.label}
              </option>
            ))}
          </select>
          <p id="expiry-hint" className="mt-1 text-xs text-slate-600 dark:text-slate-400">
            Counted from when the range is applied, not from the request.
          </p>
        </div>
      </div>
      <div>
        <label htmlFor="justification" className="text-sm font-medium">
          Reason
        </label>
        <textarea
          id="justification"
          name="justification"
          defaultValue={values.justification}
          required
          rows={2}
          className={inputClass}
          aria-invalid={errors.justification ? true : undefined}
          aria-describedby={errors.justification ? "justification-error" : undefined}
        />
        <FieldError id="justification-error" message={errors.justification} />
      </div>
      <DirectChangeSubmit canApplyDirectly={canApplyDirectly} applyNow={values.applyNow} pending={pending}>
        <FormFeedback state={state} />
      </DirectChangeSubmit>
    </form>
  );
}
