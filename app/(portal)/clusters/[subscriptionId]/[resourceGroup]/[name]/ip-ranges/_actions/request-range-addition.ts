"use server";

import { revalidatePath } from "next/cache";
import { addRangeForm, lifetimeSecondsFor } from "@/lib/network/ip-range-request";
import { authorizeAction } from "@/lib/server/auth/current-user";
import { clusterResource } from "@/lib/server/clusters/cluster-resource";
import { requestRangeChange } from "@/lib/server/network/request-range-change";
import { requestContext } from "@/lib/server/request-context";
import type { RangeFormState } from "./form-state";
import { clusterIdFrom, fieldErrorsOf, outcomeMessage, requestingTenant, submittedValues } from "./shared";

export async function requestRangeAdditionAction(_previous: RangeFormState, formData: FormData): Promise<RangeFormState> {
  const clusterId = clusterIdFrom(formData);
  if (!clusterId) return { status: "error", message: "The form does not name a cluster. Reload the page and try again." };
  const parsed = addRangeForm.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return fieldErrorsOf(parsed.error, formData);

  const applyNow = parsed.data.applyNow === "on";
  const cluster = await clusterResource(clusterId);
  const access = await authorizeAction(applyNow ? "cluster.change" : "cluster.request-change", cluster);
  if (!access.ok) return { status: "error", message: access.error, values: submittedValues(formData) };

  const outcome = await requestRangeChange(
    clusterId,
    { add: { range: parsed.data.range, owner: parsed.data.owner || null, lifetimeSeconds: lifetimeSecondsFor(parsed.data.expiry) } },
    parsed.data.justification,
    { applyNow, tenantId: requestingTenant(access.user.principal, cluster.hostedTenantIds) },
    access.user,
    await requestContext(),
  );
  if (!outcome.ok) {
    return { status: "error", message: outcome.error, fieldErrors: outcome.field ? { range: outcome.error } : undefined, openRequest: outcome.openRequest, values: submittedValues(formData) };
  }
  revalidatePath("/requests");
  revalidatePath("/clusters", "layout");
  return { status: "done", message: outcomeMessage(outcome.number, outcome.status), number: outcome.number, warnings: outcome.warnings };
}
