import { type ArmIntent, managedNamespaceIntent, roleAssignmentIntents, workloadIdentityIntents } from "./arm-intents";
import { environmentNamespace } from "./environment-names";
import { type EnvironmentTarget, checkPlacement, placementAnnotations, usesManagedNamespaces } from "./environment-target";
import type { JsonValue, KubeManifest, ManifestMetadata } from "./manifest";
import type { EnvironmentTemplate } from "./templates";

export const managedByLabel = "app.kubernetes.io/managed-by";
export const managedByValue = "clusterdesk";
export const tenantLabel = "clusterdesk.io/tenant";
export const environmentLabel = "clusterdesk.io/environment";
/** Kubernetes sets it on every namespace (1.21+): selecting kube-system by it needs no label of ours. */
const namespaceNameLabel = "kubernetes.io/metadata.name";

export type EnvironmentTenant = { slug: string; ownerGroupId: string; memberGroupIds: readonly string[] };

export type RenderedEnvironment = {
  namespace: string;
  /** Kubernetes objects in apply order: the namespace first (when it is not ARM's), since everything else lives in it. */
  objects: KubeManifest[];
  /** ARM resources: `before` the objects (managed namespace, identity, credential), `after` them (role assignments). */
  arm: { before: ArmIntent[]; after: ArmIntent[] };
  /** Why nothing can be applied on this cluster (e.g. no node pool for the template's placement). */
  blockers: string[];
  /** What the template asks that this cluster cannot give, and what is done instead. */
  notes: string[];
};

export type RenderOptions = {
  /** The managed identity's client id once it exists; before, the ServiceAccount's annotation says so. */
  identityClientId?: string | null;
};

/** What the ServiceAccount's annotation reads in a plan made before the identity exists. */
export const pendingClientId = "(the managed identity's client id, once created)";
export const workloadIdentityClientIdAnnotation = "azure.workload.identity/client-id";

/**
 * The objects of one tenant environment rendered from a template. Pure: the same input gives the same
 * objects, so a second apply of an unchanged environment changes nothing.
 */
export function renderEnvironment(tenant: EnvironmentTenant, environmentName: string, template: EnvironmentTemplate, target?: EnvironmentTarget, options: RenderOptions = {}): RenderedEnvironment {
  const namespace = environmentNamespace(tenant.slug, environmentName);
  const labels = { [managedByLabel]: managedByValue, [tenantLabel]: tenant.slug, [environmentLabel]: environmentName };
  const inNamespace = (name: string) => ({ name, namespace, labels });
  const rbac = "rbac.authorization.k8s.io";
  const groupSubject = (objectId: string) => ({ apiGroup: rbac, kind: "Group", name: objectId });
  const managed = target !== undefined && usesManagedNamespaces(target);
  const blockers: string[] = [];
  const notes: string[] = [];
  if (template.placement && target) {
    const placement = checkPlacement(template.placement, target);
    if (!placement.ok) blockers.push(placement.message);
  }
  const namespaceLabels = {
    ...labels,
    // Pod Security admission reads these labels (https://kubernetes.io/docs/concepts/security/pod-security-admission/).
    "pod-security.kubernetes.io/enforce": template.podSecurity.enforce,
    "pod-security.kubernetes.io/warn": template.podSecurity.warn,
    "pod-security.kubernetes.io/audit": template.podSecurity.audit,
  };
  const annotations = placementAnnotations(template.placement);
  const before: ArmIntent[] = [];
  const after: ArmIntent[] = [];
  // With a managed namespace, ARM's default quota holds CPU and memory; Clusterdesk's quota the rest,
  // so that changing one figure changes one object.
  const { "requests.cpu": _rc, "requests.memory": _rm, "limits.cpu": _lc, "limits.memory": _lm, ...countQuota } = template.quota;
  void [_rc, _rm, _lc, _lm];
  const objects: KubeManifest[] = [];
  if (managed) {
    before.push(managedNamespaceIntent(target, namespace, namespaceLabels, annotations, template));
  } else {
    objects.push({ apiVersion: "v1", kind: "Namespace", metadata: { name: namespace, labels: namespaceLabels, ...(Object.keys(annotations).length > 0 ? { annotations } : {}) } });
  }
  objects.push(
    { apiVersion: "v1", kind: "ResourceQuota", metadata: inNamespace("clusterdesk-quota"), spec: { hard: managed ? countQuota : { ...template.quota } } },
    {
      apiVersion: "v1",
      kind: "LimitRange",
      metadata: inNamespace("clusterdesk-defaults"),
      spec: { limits: [{ type: "Container", defaultRequest: { ...template.containerDefaults.request }, default: { ...template.containerDefaults.limit } }] },
    },
    // Default deny first: without it, any pod could talk to any other namespace on a shared cluster.
    networkPolicy(inNamespace("clusterdesk-default-deny"), {}),
    networkPolicy(inNamespace("clusterdesk-allow-same-namespace"), { ingress: [{ from: [{ podSelector: {} }] }], egress: [{ to: [{ podSelector: {} }] }] }),
    networkPolicy(inNamespace("clusterdesk-allow-tenant"), {
      ingress: [{ from: [{ namespaceSelector: { matchLabels: { [tenantLabel]: tenant.slug } } }] }],
      egress: [{ to: [{ namespaceSelector: { matchLabels: { [tenantLabel]: tenant.slug } } }] }],
    }),
    networkPolicy(inNamespace("clusterdesk-allow-dns"), {
      egress: [
        {
          to: [{ namespaceSelector: { matchLabels: { [namespaceNameLabel]: "kube-system" } }, podSelector: { matchLabels: { "k8s-app": "kube-dns" } } }],
          ports: [
            { protocol: "UDP", port: 53 },
            { protocol: "TCP", port: 53 },
          ],
        },
      ],
    }),
  );
  if (template.ingressNamespace) {
    // The shared ingress controller reaches the tenant's pods; nothing else from its namespace is allowed back.
    objects.push(networkPolicy(inNamespace("clusterdesk-allow-ingress"), { ingress: [{ from: [{ namespaceSelector: { matchLabels: { [namespaceNameLabel]: template.ingressNamespace } } }] }] }));
  }
  if (template.workloadIdentity) {
    const identity = target ? workloadIdentityIntents(target, namespace, template.workloadIdentity.serviceAccount, labels) : null;
    if (identity) {
      before.push(...identity);
      const clientId = options.identityClientId ?? pendingClientId;
      objects.push({ apiVersion: "v1", kind: "ServiceAccount", metadata: { ...inNamespace(template.workloadIdentity.serviceAccount), annotations: { [workloadIdentityClientIdAnnotation]: clientId } } });
    } else if (target) {
      notes.push(`${target.clusterName} has no OIDC issuer, so this environment gets no workload identity; enable the cluster's OIDC issuer and workload identity, then re-apply.`);
    }
  }
  if (managed) {
    after.push(...roleAssignmentIntents(target, namespace, tenant.ownerGroupId, tenant.memberGroupIds));
    return { namespace, objects, arm: { before, after }, blockers, notes };
  }
  objects.push({
    apiVersion: `${rbac}/v1`,
    kind: "RoleBinding",
    metadata: inNamespace("clusterdesk-owners-admin"),
    roleRef: { apiGroup: rbac, kind: "ClusterRole", name: "admin" },
    subjects: [groupSubject(tenant.ownerGroupId)],
  });
  if (tenant.memberGroupIds.length > 0) {
    objects.push({
      apiVersion: `${rbac}/v1`,
      kind: "RoleBinding",
      metadata: inNamespace("clusterdesk-members-edit"),
      roleRef: { apiGroup: rbac, kind: "ClusterRole", name: "edit" },
      subjects: tenant.memberGroupIds.map(groupSubject),
    });
  }
  return { namespace, objects, arm: { before, after }, blockers, notes };
}

type Rules = { ingress?: JsonValue[]; egress?: JsonValue[] };

/** Policy types are always both: a policy listing only Ingress would leave egress open. */
function networkPolicy(metadata: ManifestMetadata, rules: Rules): KubeManifest {
  const spec: { [field: string]: JsonValue } = { podSelector: {}, policyTypes: ["Ingress", "Egress"] };
  if (rules.ingress) spec.ingress = rules.ingress;
  if (rules.egress) spec.egress = rules.egress;
  return { apiVersion: "networking.k8s.io/v1", kind: "NetworkPolicy", metadata, spec };
}
