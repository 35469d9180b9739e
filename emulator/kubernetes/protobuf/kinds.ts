import { deployment, job, service } from "./workloads";
import { bool, labelSelector, map, message, objectMeta, s, strings, type MessageSchema } from "./schema";

const metadata = message("metadata", objectMeta);

const policyRule: MessageSchema = { 1: strings("verbs"), 2: strings("apiGroups"), 3: strings("resources"), 4: strings("resourceNames"), 5: strings("nonResourceURLs") };
const binding: MessageSchema = {
  1: metadata,
  2: message("subjects", { 1: s("kind"), 2: s("apiGroup"), 3: s("name"), 4: s("namespace") }, true),
  3: message("roleRef", { 1: s("apiGroup"), 2: s("kind"), 3: s("name") }),
};
const quantities = (name: string) => map(name, "quantity");
const limitRangeItem: MessageSchema = {
  1: s("type"), 2: quantities("max"), 3: quantities("min"), 4: quantities("default"), 5: quantities("defaultRequest"), 6: quantities("maxLimitRequestRatio"),
};
const selectorAttributes: MessageSchema = { 1: s("rawSelector") };
const resourceAttributes: MessageSchema = {
  1: s("namespace"), 2: s("verb"), 3: s("group"), 4: s("version"), 5: s("resource"), 6: s("subresource"), 7: s("name"),
  8: message("fieldSelector", selectorAttributes), 9: message("labelSelector", selectorAttributes),
};
const accessReview: MessageSchema = {
  1: metadata,
  2: message("spec", {
    1: message("resourceAttributes", resourceAttributes),
    2: message("nonResourceAttributes", { 1: s("path"), 2: s("verb") }),
    3: s("user"), 4: strings("groups"), 5: map("extra", "stringList"), 6: s("uid"),
  }),
};

/**
 * The kinds whose protobuf bodies are decoded, by `{apiVersion}/{kind}`: what kubectl's typed
 * clientset sends (`kubectl create namespace|configmap|quota|role|rolebinding|…`, `auth can-i`).
 */
export const protobufKinds: Readonly<Record<string, MessageSchema>> = {
  "v1/Namespace": { 1: metadata, 2: message("spec", { 1: strings("finalizers") }) },
  "v1/ConfigMap": { 1: metadata, 2: map("data", "string"), 3: map("binaryData", "bytes"), 4: bool("immutable") },
  "v1/ServiceAccount": {
    1: metadata,
    2: message("secrets", { 1: s("kind"), 2: s("namespace"), 3: s("name"), 4: s("uid"), 5: s("apiVersion"), 6: s("resourceVersion"), 7: s("fieldPath") }, true),
    3: message("imagePullSecrets", { 1: s("name") }, true),
    4: bool("automountServiceAccountToken"),
  },
  "v1/ResourceQuota": {
    1: metadata,
    2: message("spec", {
      1: quantities("hard"),
      2: strings("scopes"),
      3: message("scopeSelector", { 1: message("matchExpressions", { 1: s("scopeName"), 2: s("operator"), 3: strings("values") }, true) }),
    }),
  },
  "v1/LimitRange": { 1: metadata, 2: message("spec", { 1: message("limits", limitRangeItem, true) }) },
  "rbac.authorization.k8s.io/v1/Role": { 1: metadata, 2: message("rules", policyRule, true) },
  "rbac.authorization.k8s.io/v1/ClusterRole": {
    1: metadata,
    2: message("rules", policyRule, true),
    3: message("aggregationRule", { 1: message("clusterRoleSelectors", labelSelector, true) }),
  },
  "rbac.authorization.k8s.io/v1/RoleBinding": binding,
  "rbac.authorization.k8s.io/v1/ClusterRoleBinding": binding,
  "apps/v1/Deployment": deployment,
  "batch/v1/Job": job,
  "v1/Service": service,
  "policy/v1/PodDisruptionBudget": {
    1: metadata,
    2: message("spec", {
      1: { name: "minAvailable", type: "intOrString" },
      2: message("selector", labelSelector),
      3: { name: "maxUnavailable", type: "intOrString" },
      4: s("unhealthyPodEvictionPolicy"),
    }),
  },
  "authorization.k8s.io/v1/SubjectAccessReview": accessReview,
  "authorization.k8s.io/v1/SelfSubjectAccessReview": accessReview,
  "authorization.k8s.io/v1/LocalSubjectAccessReview": accessReview,
  "authorization.k8s.io/v1/SelfSubjectRulesReview": { 1: metadata, 2: message("spec", { 1: s("namespace") }) },
  "authentication.k8s.io/v1/SelfSubjectReview": { 1: metadata },
};
