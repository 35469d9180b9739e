"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { authorizeAction } from "@/lib/server/auth/current-user";
import { clusterResource } from "@/lib/server/clusters/cluster-resource";
import { adoptRange } from "@/lib/server/network/adopt-range";
import { requestContext } from "@/lib/server/request-context";
import type { RangeFormState } from "./form-state";
import { clusterIdFrom, fieldErrorsOf, submittedValues } from "./shared";

const adoptForm = z.object({
  range: z.string().min(1),
  owner: z.string().trim().max(200).default(""),
  justification: z.string().trim().min(5, "Say what the range is for (at least 5 characters).").max(1000),
});

export async function adoptRangeAction(_previous: RangeFormState, formData: FormData): Promise<RangeFormState> {
  const clusterId = clusterIdFrom(formData);
  if (!clusterId) return { status: "error", message: "The form does not name a cluster. Reload the page and try again." };
  const parsed = adoptForm.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return fieldErrorsOf(parsed.error, formData);
  const access = await authorizeAction("cluster.annotate", await clusterResource(clusterId));
  if (!access.ok) return { status: "error", message: access.error, values: submittedValues(formData) };
  const outcome = await adoptRange(clusterId, { range: parsed.data.range, owner: parsed.data.owner || null, reason: parsed.data.justification }, access.user, await requestContext());
  if (!outcome.ok) return { status: "error", message: outcome.error, values: submittedValues(formData) };
  revalidatePath("/clusters", "layout");
  return { status: "done", message: `${parsed.data.range} is now recorded in Clusterdesk.`, warnings: [] };
}
