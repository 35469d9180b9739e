"use server";

import { revalidatePath } from "next/cache";
import { grantAccessForm } from "@/lib/access/access-forms";
import { lifetimeSecondsOf } from "@/lib/access/durations";
import { authorizeAction, getCurrentUser } from "@/lib/server/auth/current-user";
import { grantTarget } from "@/lib/server/access/access-target";
import { clusterResource } from "@/lib/server/clusters/cluster-resource";
import { requestAccessGrant } from "@/lib/server/access/request-grant";
import { requestContext } from "@/lib/server/request-context";
import { clusterIdFrom, submittedValues } from "../../ip-ranges/_actions/shared";
import type { AccessFormState } from "./form-state";
import { accessFieldErrors, accessOutcomeMessage, signedOut } from "./shared";

/**
 * Asks for (or, for an admin off production, applies) one AKS role for one user or group. The
 * policy decides on what the server looks up: the namespace's tenant, the principal in Graph and
 * its membership of that tenant's groups. A refusal records no request.
 */
export async function requestAccessGrantAction(_previous: AccessFormState, formData: FormData): Promise<AccessFormState> {
  const clusterId = clusterIdFrom(formData);
  if (!clusterId) return { status: "error", message: "The form does not name a cluster. Reload the page and try again." };
  const parsed = grantAccessForm.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return accessFieldErrors(parsed.error, formData);
  const { role, principalId, duration, expiresAt, justification } = parsed.data;
  const namespace = parsed.data.namespace === "" ? null : parsed.data.namespace;
  const applyNow = parsed.data.applyNow === "on";

  // Before any Graph lookup: only someone who may ask for changes on this cluster at all makes the
  // portal query the directory (an answer says whether an object id exists).
  if (!(await getCurrentUser())) return { status: "error", message: signedOut };
  const onCluster = await authorizeAction("cluster.request-change", await clusterResource(clusterId));
  if (!onCluster.ok) return { status: "error", message: onCluster.error, values: submittedValues(formData) };
  const target = await grantTarget(clusterId, role, namespace, principalId);
  if (!target.ok) return { status: "error", message: target.error, fieldErrors: target.field ? { [target.field]: target.error } : undefined, values: submittedValues(formData) };
  const access = await authorizeAction(applyNow ? "access.grant-directly" : "access.request-grant", target.target.resource);
  if (!access.ok) return { status: "error", message: access.error, values: submittedValues(formData) };

  const outcome = await requestAccessGrant(clusterId, { role, namespace, lifetimeSeconds: duration === "until" ? null : lifetimeSecondsOf(duration), expiresAt }, target.target, justification, { applyNow }, access.user, await requestContext());
  if (!outcome.ok) return { status: "error", message: outcome.error, openRequest: outcome.openRequest, values: submittedValues(formData) };
  revalidatePath("/requests");
  revalidatePath("/clusters", "layout");
  return { status: "done", message: accessOutcomeMessage(outcome.number, outcome.status), number: outcome.number };
}
