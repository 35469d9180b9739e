import Link from "next/link";
import { RequestFeedback } from "@/components/requests/request-feedback";
import type { TenantFormState } from "../_actions/form-state";

export { FieldError, inputClass } from "../../clusters/[subscriptionId]/[resourceGroup]/[name]/ip-ranges/_components/form-feedback";

/** A tenant form's outcome: the request's feedback, with a link to the tenant a form created. */
export function TenantFeedback({ state }: { state: TenantFormState }) {
  return (
    <RequestFeedback state={state}>
      {state.status === "done" && state.slug ? (
        <p className="mt-1">
          <Link href={`/tenants/${state.slug}`} className="font-medium underline underline-offset-2">
            Open tenant {state.slug}
          </Link>
        </p>
      ) : null}
    </RequestFeedback>
  );
}
