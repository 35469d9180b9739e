import type { ReactNode } from "react";
import { Button } from "@/components/ui/button";

/**
 * The end of every change form on a cluster's tabs: the "apply now" choice where the policy allows
 * the viewer a direct change, the form's feedback, and the submit button named for what happens.
 */
export function DirectChangeSubmit({ canApplyDirectly, applyNow, pending, children }: { canApplyDirectly: boolean; applyNow: string | undefined; pending: boolean; children: ReactNode }) {
  return (
    <>
      {canApplyDirectly ? (
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" name="applyNow" defaultChecked={applyNow === "on"} className="size-4" />
          Apply now as a direct change (recorded as approved by you, with the reason above)
        </label>
      ) : null}
      {children}
      <Button type="submit" disabled={pending}>
        {pending ? "Submitting…" : canApplyDirectly ? "Submit" : "Request approval"}
      </Button>
    </>
  );
}
