import Link from "next/link";
import type { ReactNode } from "react";
import { Alert } from "@/components/ui/alert";

/** What the feedback reads of a form's state: every change-request form's state has this shape. */
type SubmitOutcome = { status: "idle" } | { status: "done"; message: string; number?: number } | { status: "error"; message: string; openRequest?: number };

/**
 * The outcome of a submit, announced to screen readers, with a link to the request it made or met;
 * `children` are further links shown before it (e.g. to the tenant a form created).
 */
export function RequestFeedback({ state, children }: { state: SubmitOutcome; children?: ReactNode }) {
  if (state.status === "idle") return <div aria-live="polite" />;
  const number = state.status === "done" ? state.number : state.openRequest;
  return (
    <Alert tone={state.status === "done" ? "success" : "error"} role={state.status === "done" ? "status" : "alert"}>
      <p>{state.message}</p>
      {children}
      {number ? (
        <p className="mt-1">
          <Link href={`/requests/${number}`} className="font-medium underline underline-offset-2">
            Open request #{number}
          </Link>
        </p>
      ) : null}
    </Alert>
  );
}
