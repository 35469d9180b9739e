import "server-only";
import { AuthorizationV1Api, RbacAuthorizationV1Api, type V1PolicyRule } from "@kubernetes/client-node";
import { type AccessQuestion, type PolicyRule, checkResources } from "@/lib/access/access-check";
import { type ClusterCredentials, kubeConfigFor } from "./in-cluster-reader";

/**
 * Who a SubjectAccessReview asks about, as AKS's Entra authentication (guard) presents a caller:
 * user name (a user's UPN), every group object id, and the object id as the `oid` extra, which is
 * what guard looks Azure role assignments up by on Azure-RBAC clusters.
 */
export type ReviewSubject = { userName: string | null; groupIds: readonly string[]; objectId: string | null };
export type ReviewAnswer = { allowed: boolean; reason: string };

/**
 * One SubjectAccessReview (authorization.k8s.io/v1), created with the portal's credential: the API
 * server answers with the same authorizer chain a request of that person would meet.
 */
export async function reviewAccess(credentials: ClusterCredentials, subject: ReviewSubject, question: AccessQuestion): Promise<ReviewAnswer> {
  const api = kubeConfigFor(credentials).makeApiClient(AuthorizationV1Api);
  const review = await api.createSubjectAccessReview({
    body: {
      apiVersion: "authorization.k8s.io/v1",
      kind: "SubjectAccessReview",
      spec: {
        ...(subject.userName ? { user: subject.userName } : {}),
        // Every group Graph resolved, not only those a token would carry: the overage case included.
        groups: [...subject.groupIds],
        ...(subject.objectId ? { extra: { oid: [subject.objectId] } } : {}),
        resourceAttributes: { namespace: question.namespace, verb: question.verb, group: checkResources[question.resource].group, resource: question.resource },
      },
    },
  });
  return { allowed: review.status?.allowed === true && review.status.denied !== true, reason: review.status?.reason ?? "" };
}

export type BindingRead = {
  kind: "RoleBinding" | "ClusterRoleBinding";
  namespace: string | null;
  name: string;
  roleRef: { kind: string; name: string };
  subjects: Array<{ kind: string; name: string }>;
  /** The referenced role's rules; empty when the role does not exist. */
  rules: PolicyRule[];
};

const rulesOf = (rules: V1PolicyRule[] | undefined): PolicyRule[] =>
  (rules ?? []).map((rule) => ({ verbs: rule.verbs, apiGroups: rule.apiGroups ?? [], resources: rule.resources ?? [] }));

/** The RoleBindings of a namespace and the cluster's ClusterRoleBindings, each with its role's rules. */
export async function readBindings(credentials: ClusterCredentials, namespace: string): Promise<BindingRead[]> {
  const rbac = kubeConfigFor(credentials).makeApiClient(RbacAuthorizationV1Api);
  const [roleBindings, clusterRoleBindings, clusterRoles, roles] = await Promise.all([
    rbac.listNamespacedRoleBinding({ namespace }),
    rbac.listClusterRoleBinding(),
    rbac.listClusterRole(),
    rbac.listNamespacedRole({ namespace }),
  ]);
  const clusterRoleRules = new Map(clusterRoles.items.map((role) => [role.metadata?.name ?? "", rulesOf(role.rules)]));
  const roleRules = new Map(roles.items.map((role) => [role.metadata?.name ?? "", rulesOf(role.rules)]));
  const bindings = [
    ...roleBindings.items.map((binding) => ({ binding, kind: "RoleBinding" as const })),
    ...clusterRoleBindings.items.map((binding) => ({ binding, kind: "ClusterRoleBinding" as const })),
  ];
  return bindings.map(({ binding, kind }) => ({
    kind,
    namespace: kind === "RoleBinding" ? namespace : null,
    name: binding.metadata?.name ?? "",
    roleRef: { kind: binding.roleRef.kind, name: binding.roleRef.name },
    subjects: (binding.subjects ?? []).map((subject) => ({ kind: subject.kind, name: subject.name })),
    rules: (binding.roleRef.kind === "Role" ? roleRules : clusterRoleRules).get(binding.roleRef.name) ?? [],
  }));
}
