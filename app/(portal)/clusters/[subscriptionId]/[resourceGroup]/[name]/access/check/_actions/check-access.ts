"use server";

import { accessCheckForm } from "@/lib/access/access-check-form";
import { checkAccess } from "@/lib/server/access/access-check";
import { clusterNamespaceResource } from "@/lib/server/access/access-check-target";
import { authorizeAction, getCurrentUser } from "@/lib/server/auth/current-user";
import { groupDisplayNames } from "@/lib/server/azure/graph";
import { resolvePerson } from "@/lib/server/azure/person-lookup";
import { requestContext } from "@/lib/server/request-context";
import { clusterIdFrom, submittedValues } from "../../../ip-ranges/_actions/shared";
import type { AccessCheckState } from "./check-state";

/**
 * "Can <person> <verb> <resource> in <namespace>?" Authorized on the namespace as the server knows it
 * (its tenant) before the directory is asked anything, since an answer reveals who exists and who may
 * do what. Read-only: nothing to record or revalidate.
 */
export async function checkAccessAction(_previous: AccessCheckState, formData: FormData): Promise<AccessCheckState> {
  const values = submittedValues(formData);
  const clusterId = clusterIdFrom(formData);
  if (!clusterId) return { status: "error", message: "The form does not name a cluster. Reload the page and try again.", values };
  const parsed = accessCheckForm.safeParse(Object.fromEntries(formData));
  if (!parsed.success) {
    const fieldErrors: Record<string, string> = {};
    for (const issue of parsed.error.issues) fieldErrors[String(issue.path[0] ?? "form")] ??= issue.message;
    return { status: "error", message: "Check the highlighted fields.", fieldErrors, values };
  }
  const { person: personInput, namespace, verb, resource } = parsed.data;
  if (!(await getCurrentUser())) return { status: "error", message: "Your session has ended. Sign in again and check again.", values };
  const allowed = await authorizeAction("access.check", await clusterNamespaceResource(clusterId, namespace));
  if (!allowed.ok) return { status: "error", message: allowed.error, values };

  const lookup = await resolvePerson(personInput);
  if (!lookup.ok) return { status: "error", message: `Microsoft Graph could not be asked who ${personInput} is (${lookup.status ?? "no answer"}). Try again.`, values };
  if (!lookup.person) return { status: "error", message: "Check the highlighted fields.", fieldErrors: { person: "No user or group with this object id, UPN or e-mail address exists in the directory." }, values };

  const question = { verb, resource, namespace };
  const outcome = await checkAccess(clusterId, lookup.person, question, (await requestContext()).correlationId);
  if (!outcome.ok) return { status: "error", message: outcome.error, values };
  const groupIds = [...new Set(outcome.answer.reasons.map((reason) => reason.via).filter((via) => via !== lookup.person?.principal.objectId && !via.includes("@")))];
  let groupNames: Record<string, string> = {};
  try {
    groupNames = groupIds.length > 0 ? await groupDisplayNames(groupIds) : {};
  } catch {
    // The answer stands without names: the explanation then shows the groups' object ids.
  }
  const { principal, groupIds: memberOf } = lookup.person;
  return {
    status: "done",
    values,
    person: { objectId: principal.objectId, displayName: principal.displayName, userPrincipalName: principal.userPrincipalName, type: principal.type, groupCount: memberOf.length },
    question,
    answer: outcome.answer,
    groupNames,
  };
}
