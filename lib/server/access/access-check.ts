import "server-only";
import { type AccessQuestion, type CheckResource, type CheckSubject, type CheckVerb, checkResourceNames, checkVerbs } from "@/lib/access/access-check";
import type { Cluster } from "@/lib/clusters/cluster";
import { armFailure } from "@/lib/server/azure/arm-errors";
import { getCluster } from "@/lib/server/azure/managed-clusters";
import type { ResolvedPerson } from "@/lib/server/azure/person-lookup";
import { describeKubeFailure } from "@/lib/server/kube/in-cluster-reader";
import { type ReviewAnswer, type ReviewSubject, reviewAccess } from "@/lib/server/kube/access-reviews";
import { type AccessGrantReason, adminGroupReasons, bindingReasons, roleAssignmentReasons } from "./access-check-explanation";
import { portalClusterCredentials } from "./cluster-credentials";

export type MatrixCell = { verb: CheckVerb; resource: CheckResource; allowed: boolean };
export type AccessCheckAnswer = {
  allowed: boolean;
  /** The API server's reason for a denial (guard's on Azure-RBAC clusters); may be empty. */
  reason: string;
  mechanism: "azure-rbac" | "kubernetes-rbac";
  reasons: AccessGrantReason[];
  matrix: MatrixCell[];
};
export type AccessCheckOutcome = { ok: true; answer: AccessCheckAnswer } | { ok: false; error: string };

/** How the API server sees the person: a user's UPN, every group (all of them, also past a token's overage limit) and the object id. */
export function reviewSubjectOf(person: ResolvedPerson): ReviewSubject & CheckSubject {
  const { principal } = person;
  const groups = principal.type === "Group" ? [principal.objectId, ...person.groupIds] : person.groupIds;
  return {
    userName: principal.type === "User" ? (principal.userPrincipalName ?? principal.objectId) : null,
    // Guard puts every authenticated caller in system:authenticated; a review must too to match a real request.
    groupIds: [...new Set(groups), "system:authenticated"],
    objectId: principal.type === "User" ? principal.objectId : null,
  };
}

/** Runs `work` over `items`, `limit` at a time: thirty reviews at once would crowd a small API server. */
async function inBatches<T, R>(items: readonly T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = [];
  for (let start = 0; start < items.length; start += limit) results.push(...(await Promise.all(items.slice(start, start + limit).map(work))));
  return results;
}

/**
 * "Can this person <verb> <resource> in <namespace>?": asked of the cluster's API server with
 * SubjectAccessReviews (the question and the matrix of common verbs × resources), then explained by
 * what grants it — the cluster's admin groups, the Azure role assignments (Azure-RBAC clusters) and
 * the RoleBindings (both kinds of cluster: AKS evaluates Kubernetes RBAC first either way).
 * The caller has authorized the viewer for the namespace; this only reads.
 */
export async function checkAccess(clusterId: string, person: ResolvedPerson, question: AccessQuestion, correlationId: string): Promise<AccessCheckOutcome> {
  let cluster: Cluster;
  try {
    cluster = (await getCluster(clusterId, correlationId)).cluster;
  } catch (error) {
    return { ok: false, error: `Azure could not read the cluster (${armFailure(error).message}). Nothing was checked.` };
  }
  if (!cluster.identity.managedAad) return { ok: false, error: "This cluster has no Microsoft Entra integration: Entra users and groups cannot sign in to it, so there is nothing to check." };
  const subject = reviewSubjectOf(person);
  try {
    const credentials = await portalClusterCredentials(cluster, correlationId);
    const cells = checkVerbs.flatMap((verb) => checkResourceNames.map((resource) => ({ verb, resource, namespace: question.namespace })));
    const answers: ReviewAnswer[] = await inBatches(cells, 6, (cell) => reviewAccess(credentials, subject, cell));
    const matrix = cells.map((cell, index) => ({ verb: cell.verb, resource: cell.resource, allowed: answers[index]?.allowed === true }));
    const asked = answers[cells.findIndex((cell) => cell.verb === question.verb && cell.resource === question.resource)] ?? { allowed: false, reason: "" };
    const principalIds = [person.principal.objectId, ...subject.groupIds];
    let reasons: AccessGrantReason[] = [];
    if (asked.allowed) {
      reasons = [...adminGroupReasons(cluster, principalIds), ...(await bindingReasons(credentials, subject, question))];
      if (cluster.identity.azureRbac) {
        try {
          reasons.push(...(await roleAssignmentReasons(clusterId, principalIds, question, correlationId)));
        } catch (error) {
          return { ok: false, error: `The cluster answered, but Azure could not list its role assignments to explain why (${armFailure(error).message}).` };
        }
      }
    }
    return { ok: true, answer: { allowed: asked.allowed, reason: asked.reason, mechanism: cluster.identity.azureRbac ? "azure-rbac" : "kubernetes-rbac", reasons, matrix } };
  } catch (error) {
    return { ok: false, error: `The cluster's API server could not answer: ${describeKubeFailure(error)} Nothing was checked.` };
  }
}
