"use server";

import { revalidatePath } from "next/cache";
import { removeRangeForm } from "@/lib/network/ip-range-request";
import { authorizeAction } from "@/lib/server/auth/current-user";
import { clusterResource } from "@/lib/server/clusters/cluster-resource";
import { requestRangeChange } from "@/lib/server/network/request-range-change";
import { requestContext } from "@/lib/server/request-context";
import type { RangeFormState } from "./form-state";
import { clusterIdFrom, fieldErrorsOf, outcomeMessage, submittedValues } from "./shared";

export async function requestRangeRemovalAction(_previous: RangeFormState, formData: FormData): Promise<RangeFormState> {
  const clusterId = clusterIdFrom(formData);
  if (!clusterId) return { status: "error", message: "The form does not name a cluster. Reload the page and try again." };
  const parsed = removeRangeForm.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return fieldErrorsOf(parsed.error, formData);

  const applyNow = parsed.data.applyNow === "on";
  const access = await authorizeAction(applyNow ? "cluster.change" : "cluster.request-change", await clusterResource(clusterId));
  if (!access.ok) return { status: "error", message: access.error, values: submittedValues(formData) };

  const outcome = await requestRangeChange(clusterId, { remove: { range: parsed.data.range } }, parsed.data.justification, { applyNow }, access.user, await requestContext());
  if (!outcome.ok) return { status: "error", message: outcome.error, values: submittedValues(formData) };
  revalidatePath("/requests");
  revalidatePath("/clusters", "layout");
  return { status: "done", message: outcomeMessage(outcome.number, outcome.status), warnings: [] };
}
