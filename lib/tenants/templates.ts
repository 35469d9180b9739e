/**
 * Environment templates: what Clusterdesk puts in a tenant's namespace. Admins manage them in the
 * `tenant_template` table (lib/server/tenants/templates.ts); the three below are its seed (migration
 * `tenant_templates`) and what requests recorded before that migration, which carry only the
 * template's name, are rendered from. Quantities are Kubernetes quantity strings, checked when a
 * template is saved (template-form.ts) and again by the API server's dry run.
 */

/** Pod Security Standards levels (https://kubernetes.io/docs/concepts/security/pod-security-standards/). */
export type PodSecurityLevel = "privileged" | "baseline" | "restricted";

export type EnvironmentTemplate = {
  name: string;
  label: string;
  description: string;
  podSecurity: { enforce: PodSecurityLevel; warn: PodSecurityLevel; audit: PodSecurityLevel };
  /** ResourceQuota `spec.hard`. */
  quota: {
    "requests.cpu": string;
    "requests.memory": string;
    "limits.cpu": string;
    "limits.memory": string;
    pods: string;
    "services.loadbalancers": string;
    persistentvolumeclaims: string;
    "requests.storage": string;
  };
  /** LimitRange defaults per container, so pods without requests/limits still count against the quota. */
  containerDefaults: { request: { cpu: string; memory: string }; limit: { cpu: string; memory: string } };
  /** A dedicated node pool: the taint its workloads tolerate and the label they select (checked against the cluster's pools). */
  placement: NodePoolPlacement | null;
  /** Workload identity: a user-assigned managed identity federated with this ServiceAccount of the namespace. */
  workloadIdentity: { serviceAccount: string } | null;
  /** A namespace whose pods (an ingress controller) may reach every pod of the environment; null: none. */
  ingressNamespace: string | null;
};

export type NodePoolPlacement = {
  taint: { key: string; value: string; effect: "NoSchedule" | "PreferNoSchedule" | "NoExecute" };
  label: { key: string; value: string };
};

/** The pool the demo's dedicated tenants pool answers to (seeded on aks-analytics-wi). */
const dedicatedTenantsPool: NodePoolPlacement = {
  taint: { key: "clusterdesk.io/dedicated", value: "tenants", effect: "NoSchedule" },
  label: { key: "clusterdesk.io/pool", value: "tenants" },
};

/** The built-in templates: the table's seed. */
export const templateNames = ["standard", "restricted", "sandbox"] as const;
export type TemplateName = (typeof templateNames)[number];

export function isTemplateName(value: string): value is TemplateName {
  return (templateNames as readonly string[]).includes(value);
}

export const environmentTemplates: Record<TemplateName, EnvironmentTemplate> = {
  standard: {
    name: "standard",
    label: "Standard",
    description: "A team's everyday namespace: baseline Pod Security enforced (restricted warned and audited), one load balancer, moderate quota.",
    podSecurity: { enforce: "baseline", warn: "restricted", audit: "restricted" },
    quota: {
      "requests.cpu": "4",
      "requests.memory": "8Gi",
      "limits.cpu": "8",
      "limits.memory": "16Gi",
      pods: "50",
      "services.loadbalancers": "1",
      persistentvolumeclaims: "10",
      "requests.storage": "100Gi",
    },
    containerDefaults: { request: { cpu: "100m", memory: "128Mi" }, limit: { cpu: "500m", memory: "512Mi" } },
    placement: null,
    workloadIdentity: { serviceAccount: "workload" },
    ingressNamespace: null,
  },
  restricted: {
    name: "restricted",
    label: "Restricted",
    description: "For sensitive workloads: restricted Pod Security enforced, no load balancers (traffic through the shared ingress), larger quota, on the cluster's dedicated tenants node pool.",
    podSecurity: { enforce: "restricted", warn: "restricted", audit: "restricted" },
    quota: {
      "requests.cpu": "8",
      "requests.memory": "16Gi",
      "limits.cpu": "16",
      "limits.memory": "32Gi",
      pods: "100",
      "services.loadbalancers": "0",
      persistentvolumeclaims: "20",
      "requests.storage": "200Gi",
    },
    containerDefaults: { request: { cpu: "100m", memory: "128Mi" }, limit: { cpu: "1", memory: "1Gi" } },
    placement: dedicatedTenantsPool,
    workloadIdentity: { serviceAccount: "workload" },
    ingressNamespace: null,
  },
  sandbox: {
    name: "sandbox",
    label: "Sandbox",
    description: "For experiments: baseline Pod Security, small quota, no load balancers and little storage.",
    podSecurity: { enforce: "baseline", warn: "baseline", audit: "restricted" },
    quota: {
      "requests.cpu": "1",
      "requests.memory": "2Gi",
      "limits.cpu": "2",
      "limits.memory": "4Gi",
      pods: "10",
      "services.loadbalancers": "0",
      persistentvolumeclaims: "2",
      "requests.storage": "10Gi",
    },
    containerDefaults: { request: { cpu: "50m", memory: "64Mi" }, limit: { cpu: "250m", memory: "256Mi" } },
    placement: null,
    workloadIdentity: null,
    ingressNamespace: null,
  },
};
