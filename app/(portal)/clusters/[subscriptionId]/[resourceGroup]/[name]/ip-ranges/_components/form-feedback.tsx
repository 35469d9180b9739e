import Link from "next/link";
import { Alert } from "@/components/ui/alert";
import type { RangeFormState } from "../_actions/form-state";

/** The outcome of a submit, announced to screen readers. */
export function FormFeedback({ state }: { state: RangeFormState }) {
  if (state.status === "idle") return <div aria-live="polite" />;
  if (state.status === "error") {
    return (
      <Alert tone="error" role="alert">
        <p>{state.message}</p>
        {state.openRequest ? (
          <p className="mt-1">
            <Link href={`/requests/${state.openRequest}`} className="font-medium underline underline-offset-2">
              Open request #{state.openRequest}
            </Link>
          </p>
        ) : null}
      </Alert>
    );
  }
  return (
    <Alert tone="success" role="status" aria-live="polite">
      <p>{state.message}</p>
      {state.number ? (
        <p className="mt-1">
          <Link href={`/requests/${state.number}`} className="font-medium underline underline-offset-2">
            Follow request #{state.number}
          </Link>
        </p>
      ) : null}
      {state.warnings.length > 0 ? (
        <ul className="mt-1 list-disc pl-5 text-amber-900 dark:text-amber-200">
          {state.warnings.map((warning) => (
            <li key={warning}>{warning}</li>
          ))}
        </ul>
      ) : null}
    </Alert>
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
