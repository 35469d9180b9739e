import Link from "next/link";
import { Alert } from "@/components/ui/alert";
import type { TenantFormState } from "../_actions/form-state";

export { FieldError, inputClass } from "../../clusters/[subscriptionId]/[resourceGroup]/[name]/ip-ranges/_components/form-feedback";

/** The outcome of a tenant form's submit, announced to screen readers, with a link to the request it made or met. */
export function TenantFeedback({ state }: { state: TenantFormState }) {
  if (state.status === "idle") return <div aria-live="polite" />;
  const number = state.status === "done" ? state.number : state.openRequest;
  return (
    <Alert tone={state.status === "done" ? "success" : "error"} role={state.status === "done" ? "status" : "alert"}>
      <p>{state.message}</p>
      {state.status === "done" && state.slug ? (
        <p className="mt-1">
          <Link href={`/tenants/${state.slug}`} className="font-medium underline underline-offset-2">
            Open tenant {state.slug}
          </Link>
        </p>
      ) : null}
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
