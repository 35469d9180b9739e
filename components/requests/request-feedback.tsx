import Link from "next/link";
import { Alert } from "@/components/ui/alert";
import type { ChangeRequestFormState } from "@/lib/requests/form-state";

/** The outcome of a submit, announced to screen readers, with a link to the request it made or met. */
export function RequestFeedback({ state }: { state: ChangeRequestFormState }) {
  if (state.status === "idle") return <div aria-live="polite" />;
  const number = state.status === "done" ? state.number : state.openRequest;
  return (
    <Alert tone={state.status === "done" ? "success" : "error"} role={state.status === "done" ? "status" : "alert"}>
      <p>{state.message}</p>
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
