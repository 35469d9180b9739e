import type { RangeFormState } from "../_actions/form-state";

/** The outcome of a submit, announced to screen readers. */
export function FormFeedback({ state }: { state: RangeFormState }) {
  if (state.status === "idle") return <div aria-live="polite" />;
  if (state.status === "error") {
    return (
      <div role="alert" className="rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-900 dark:border-red-800 dark:bg-red-950 dark:text-red-100">
        {state.message}
      </div>
    );
  }
  return (
    <div role="status" aria-live="polite" className="rounded-md border border-emerald-300 bg-emerald-50 p-3 text-sm text-emerald-950 dark:border-emerald-800 dark:bg-emerald-950 dark:text-emerald-50">
      <p>{state.message}</p>
      {state.warnings.length > 0 ? (
        <ul className="mt-1 list-disc pl-5 text-amber-900 dark:text-amber-200">
          {state.warnings.map((warning) => (
            <li key={warning}>{warning}</li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

export function FieldError({ id, message }: { id: string; message: string | undefined }) {
  return message ? (
    <p id={id} className="mt-1 text-sm text-red-700 dark:text-red-400">
      {message}
    </p>
  ) : null;
}

export const inputClass =
  "mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm shadow-sm focus-visible:outline-2 focus-visible:outline-sky-600 aria-[invalid=true]:border-red-500 dark:border-slate-700 dark:bg-slate-950";
export const primaryButtonClass =
  "inline-flex items-center rounded-md bg-sky-700 px-3 py-2 text-sm font-medium text-white hover:bg-sky-800 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-600 disabled:opacity-60";
export const secondaryButtonClass =
  "inline-flex items-center rounded-md border border-slate-300 px-3 py-2 text-sm font-medium hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-sky-600 dark:border-slate-700 dark:hover:bg-slate-800";
