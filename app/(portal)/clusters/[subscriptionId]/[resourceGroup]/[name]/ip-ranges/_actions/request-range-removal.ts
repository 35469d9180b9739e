"use server";

import { revalidatePath } from "next/cache";
import { removeRangeForm } from "@/lib/network/ip-range-request";
import { authorizeAction } from "@/lib/server/auth/current-user";
import { clusterResource } from "@/lib/server/clusters/cluster-resource";
import { rangeOwnersOn } from "@/lib/server/network/range-owners";
import { requestRangeChange } from "@/lib/server/network/request-range-change";
import { requestContext } from "@/lib/server/request-context";
import type { RangeFormState } from "./form-state";
import { clusterIdFrom, fieldErrorsOf, outcomeMessage, requestingTenant, submittedValues } from "./shared";

export async function requestRangeRemovalAction(_previous: RangeFormState, formData: FormData): Promise<RangeFormState> {
  const clusterId = clusterIdFrom(formData);
  if (!clusterId) return { status: "error", message: "The form does not name a cluster. Reload the page and try again." };
  const parsed = removeRangeForm.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return fieldErrorsOf(parsed.error, formData);

  const applyNow = parsed.data.applyNow === "on";
  const cluster = await clusterResource(clusterId);
  const access = await authorizeAction(applyNow ? "cluster.change" : "cluster.request-change", cluster);
  if (!access.ok) return { status: "error", message: access.error, values: submittedValues(formData) };
  // On a shared cluster a range may be another tenant's: who owns it decides who may ask to remove it.
  const [owner] = await rangeOwnersOn(clusterId, [parsed.data.range]);
  const ownerTenantId = owner?.tenant?.id ?? null;
  const mayRemove = await authorizeAction("ip-range.request-removal", { kind: "ip-range", cluster, ownerTenantId });
  if (!mayRemove.ok) return { status: "error", message: mayRemove.error, values: submittedValues(formData) };

  // The removal is the owning tenant's business: its leads see the request, whoever made it.
  const tenantId = ownerTenantId ?? requestingTenant(access.user.principal, cluster.hostedTenantIds);
  const outcome = await requestRangeChange(clusterId, { remove: { range: parsed.data.range } }, parsed.data.justification, { applyNow, tenantId }, access.user, await requestContext());
  if (!outcome.ok) return { status: "error", message: outcome.error, openRequest: outcome.openRequest, values: submittedValues(formData) };
  revalidatePath("/requests");
  revalidatePath("/clusters", "layout");
  return { status: "done", message: outcomeMessage(outcome.number, outcome.status), number: outcome.number, warnings: [] };
}
