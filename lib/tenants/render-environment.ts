import { environmentNamespace } from "./environment-names";
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
  /** In apply order: the namespace first, since everything else lives in it. */
  objects: KubeManifest[];
};

/**
 * The objects of one tenant environment rendered from a template. Pure: the same input gives the same
 * objects, so a second apply of an unchanged environment changes nothing.
 */
export function renderEnvironment(tenant: EnvironmentTenant, environmentName: string, template: EnvironmentTemplate): RenderedEnvironment {
  const namespace = environmentNamespace(tenant.slug, environmentName);
  const labels = { [managedByLabel]: managedByValue, [tenantLabel]: tenant.slug, [environmentLabel]: environmentName };
  const inNamespace = (name: string) => ({ name, namespace, labels });
  const rbac = "rbac.authorization.k8s.io";
  const groupSubject = (objectId: string) => ({ apiGroup: rbac, kind: "Group", name: objectId });

  const objects: KubeManifest[] = [
    {
      apiVersion: "v1",
      kind: "Namespace",
      metadata: {
        name: namespace,
        labels: {
          ...labels,
          // Pod Security admission reads these labels (https://kubernetes.io/docs/concepts/security/pod-security-admission/).
          "pod-security.kubernetes.io/enforce": template.podSecurity.enforce,
          "pod-security.kubernetes.io/warn": template.podSecurity.warn,
          "pod-security.kubernetes.io/audit": template.podSecurity.audit,
        },
      },
    },
    { apiVersion: "v1", kind: "ResourceQuota", metadata: inNamespace("clusterdesk-quota"), spec: { hard: { ...template.quota } } },
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
    {
      apiVersion: `${rbac}/v1`,
      kind: "RoleBinding",
      metadata: inNamespace("clusterdesk-owners-admin"),
      roleRef: { apiGroup: rbac, kind: "ClusterRole", name: "admin" },
      subjects: [groupSubject(tenant.ownerGroupId)],
    },
  ];
  if (tenant.memberGroupIds.length > 0) {
    objects.push({
      apiVersion: `${rbac}/v1`,
      kind: "RoleBinding",
      metadata: inNamespace("clusterdesk-members-edit"),
      roleRef: { apiGroup: rbac, kind: "ClusterRole", name: "edit" },
      subjects: tenant.memberGroupIds.map(groupSubject),
    });
  }
  return { namespace, objects };
}

type Rules = { ingress?: JsonValue[]; egress?: JsonValue[] };

/** Policy types are always both: a policy listing only Ingress would leave egress open. */
function networkPolicy(metadata: ManifestMetadata, rules: Rules): KubeManifest {
  const spec: { [field: string]: JsonValue } = { podSelector: {}, policyTypes: ["Ingress", "Egress"] };
  if (rules.ingress) spec.ingress = rules.ingress;
  if (rules.egress) spec.egress = rules.egress;
  return { apiVersion: "networking.k8s.io/v1", kind: "NetworkPolicy", metadata, spec };
}
