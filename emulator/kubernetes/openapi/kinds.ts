import type { JsonObject } from "../json";
import { arr, bool, freeForm, int, int64, intOrString, mapOf, obj, quantity, str, strings, time } from "./dsl";
import { condition, kind, labelSelector, objectMeta } from "./common";

const quantities = mapOf(quantity);
const policyRule = obj({ apiGroups: strings, nonResourceURLs: strings, resourceNames: strings, resources: strings, verbs: strings }, ["verbs"]);
const binding = kind({
  roleRef: obj({ apiGroup: str, kind: str, name: str }, ["apiGroup", "kind", "name"]),
  subjects: arr(obj({ apiGroup: str, kind: str, name: str, namespace: str }, ["kind", "name"])),
});
const networkPolicyPeer = obj({ ipBlock: obj({ cidr: str, except: strings }, ["cidr"]), namespaceSelector: labelSelector, podSelector: labelSelector });
const networkPolicyPort = obj({ endPort: int, port: intOrString, protocol: str });
const review = kind({ spec: freeForm, status: freeForm });
const loadBalancerStatus = obj({
  ingress: arr(obj({ hostname: str, ip: str, ipMode: str, ports: arr(obj({ error: str, port: int, protocol: str }, ["port", "protocol"])) })),
});
const podTemplate = obj({ metadata: objectMeta, spec: freeForm });
const ingressBackend = obj({
  resource: obj({ apiGroup: str, kind: str, name: str }, ["kind", "name"]),
  service: obj({ name: str, port: obj({ name: str, number: int }) }, ["name"]),
});

/**
 * The emulator's kind definitions as OpenAPI schemas, keyed by `{apiVersion}/{kind}`. Fields follow
 * k8s.io/api; pod and node specs and the pod identity CRDs are free-form (not modelled field by field).
 */
export const kindSchemas: Readonly<Record<string, JsonObject>> = {
  "v1/Namespace": kind({
    spec: obj({ finalizers: strings }),
    status: obj({ conditions: arr(obj({ lastTransitionTime: time, message: str, reason: str, status: str, type: str })), phase: str }),
  }),
  "v1/ResourceQuota": kind({
    spec: obj({
      hard: quantities,
      scopeSelector: obj({ matchExpressions: arr(obj({ operator: str, scopeName: str, values: strings }, ["operator", "scopeName"])) }),
      scopes: strings,
    }),
    status: obj({ hard: quantities, used: quantities }),
  }),
  "v1/LimitRange": kind({
    spec: obj({ limits: arr(obj({ default: quantities, defaultRequest: quantities, max: quantities, maxLimitRequestRatio: quantities, min: quantities, type: str }, ["type"])) }, ["limits"]),
  }),
  "v1/ServiceAccount": kind({
    automountServiceAccountToken: bool,
    imagePullSecrets: arr(obj({ name: str })),
    secrets: arr(obj({ apiVersion: str, fieldPath: str, kind: str, name: str, namespace: str, resourceVersion: str, uid: str })),
  }),
  "v1/ConfigMap": kind({ binaryData: mapOf({ type: "string", format: "byte" }), data: mapOf(str), immutable: bool }),
  "v1/Service": kind({
    spec: obj({
      allocateLoadBalancerNodePorts: bool,
      clusterIP: str,
      clusterIPs: strings,
      externalIPs: strings,
      externalName: str,
      externalTrafficPolicy: str,
      healthCheckNodePort: int,
      internalTrafficPolicy: str,
      ipFamilies: strings,
      ipFamilyPolicy: str,
      loadBalancerClass: str,
      loadBalancerIP: str,
      loadBalancerSourceRanges: strings,
      ports: arr(obj({ appProtocol: str, name: str, nodePort: int, port: int, protocol: str, targetPort: intOrString }, ["port"])),
      publishNotReadyAddresses: bool,
      selector: mapOf(str),
      sessionAffinity: str,
      sessionAffinityConfig: obj({ clientIP: obj({ timeoutSeconds: int }) }),
      trafficDistribution: str,
      type: str,
    }),
    status: obj({ conditions: arr(condition), loadBalancer: loadBalancerStatus }),
  }),
  "v1/Pod": kind({ spec: freeForm, status: freeForm }),
  "v1/Node": kind({ spec: freeForm, status: freeForm }),
  "apps/v1/Deployment": kind({
    spec: obj(
      {
        minReadySeconds: int,
        paused: bool,
        progressDeadlineSeconds: int,
        replicas: int,
        revisionHistoryLimit: int,
        selector: labelSelector,
        strategy: obj({ rollingUpdate: obj({ maxSurge: intOrString, maxUnavailable: intOrString }), type: str }),
        template: obj({ metadata: objectMeta, spec: freeForm }),
      },
      ["selector", "template"],
    ),
    status: obj({
      availableReplicas: int,
      collisionCount: int,
      conditions: arr(obj({ lastTransitionTime: time, lastUpdateTime: time, message: str, reason: str, status: str, type: str })),
      observedGeneration: int64,
      readyReplicas: int,
      replicas: int,
      terminatingReplicas: int,
      unavailableReplicas: int,
      updatedReplicas: int,
    }),
  }),
  "batch/v1/Job": kind({
    spec: obj(
      {
        activeDeadlineSeconds: int64,
        backoffLimit: int,
        backoffLimitPerIndex: int,
        completionMode: str,
        completions: int,
        manualSelector: bool,
        maxFailedIndexes: int,
        parallelism: int,
        podFailurePolicy: freeForm,
        podReplacementPolicy: str,
        selector: labelSelector,
        suspend: bool,
        template: podTemplate,
        ttlSecondsAfterFinished: int,
      },
      ["template"],
    ),
    status: obj({
      active: int,
      completionTime: time,
      conditions: arr(obj({ lastProbeTime: time, lastTransitionTime: time, message: str, reason: str, status: str, type: str })),
      failed: int,
      ready: int,
      startTime: time,
      succeeded: int,
      terminating: int,
    }),
  }),
  "autoscaling/v2/HorizontalPodAutoscaler": kind({
    spec: obj(
      {
        behavior: freeForm,
        maxReplicas: int,
        metrics: arr(freeForm),
        minReplicas: int,
        scaleTargetRef: obj({ apiVersion: str, kind: str, name: str }, ["kind", "name"]),
      },
      ["scaleTargetRef", "maxReplicas"],
    ),
    status: obj({ conditions: arr(condition), currentMetrics: arr(freeForm), currentReplicas: int, desiredReplicas: int, lastScaleTime: time, observedGeneration: int64 }),
  }),
  "networking.k8s.io/v1/Ingress": kind({
    spec: obj({
      defaultBackend: ingressBackend,
      ingressClassName: str,
      rules: arr(obj({ host: str, http: obj({ paths: arr(obj({ backend: ingressBackend, path: str, pathType: str }, ["pathType", "backend"])) }, ["paths"]) })),
      tls: arr(obj({ hosts: strings, secretName: str })),
    }),
    status: obj({ loadBalancer: loadBalancerStatus }),
  }),
  "networking.k8s.io/v1/NetworkPolicy": kind({
    spec: obj({
      egress: arr(obj({ ports: arr(networkPolicyPort), to: arr(networkPolicyPeer) })),
      ingress: arr(obj({ from: arr(networkPolicyPeer), ports: arr(networkPolicyPort) })),
      podSelector: labelSelector,
      policyTypes: strings,
    }),
  }),
  "rbac.authorization.k8s.io/v1/Role": kind({ rules: arr(policyRule) }),
  "rbac.authorization.k8s.io/v1/ClusterRole": kind({ aggregationRule: obj({ clusterRoleSelectors: arr(labelSelector) }), rules: arr(policyRule) }),
  "rbac.authorization.k8s.io/v1/RoleBinding": binding,
  "rbac.authorization.k8s.io/v1/ClusterRoleBinding": binding,
  "policy/v1/PodDisruptionBudget": kind({
    spec: obj({ maxUnavailable: intOrString, minAvailable: intOrString, selector: labelSelector, unhealthyPodEvictionPolicy: str }),
    status: obj({
      conditions: arr(condition),
      currentHealthy: int,
      desiredHealthy: int,
      disruptedPods: mapOf(time),
      disruptionsAllowed: int,
      expectedPods: int,
      observedGeneration: int64,
    }),
  }),
  "aadpodidentity.k8s.io/v1/AzureIdentity": kind({ spec: freeForm, status: freeForm }),
  "aadpodidentity.k8s.io/v1/AzureIdentityBinding": kind({ spec: freeForm, status: freeForm }),
  "aadpodidentity.k8s.io/v1/AzureAssignedIdentity": kind({ spec: freeForm, status: freeForm }),
  "aadpodidentity.k8s.io/v1/AzurePodIdentityException": kind({ spec: freeForm, status: freeForm }),
  "authorization.k8s.io/v1/SubjectAccessReview": review,
  "authorization.k8s.io/v1/SelfSubjectAccessReview": review,
  "authorization.k8s.io/v1/LocalSubjectAccessReview": review,
  "authorization.k8s.io/v1/SelfSubjectRulesReview": review,
  "authentication.k8s.io/v1/SelfSubjectReview": review,
};
