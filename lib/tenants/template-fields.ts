/**
 * The fields of the template form, flat (one input each), with their labels: shared by the form
 * (client) and its validation (template-form.ts), so a message names the field the admin sees.
 * No zod here: the form's client bundle carries only these strings.
 */
export const quotaFields = [
  { name: "requests.cpu", label: "CPU requests", hint: "cores, e.g. 4 or 500m" },
  { name: "limits.cpu", label: "CPU limits", hint: "cores, e.g. 8" },
  { name: "requests.memory", label: "Memory requests", hint: "bytes, e.g. 8Gi" },
  { name: "limits.memory", label: "Memory limits", hint: "bytes, e.g. 16Gi" },
  { name: "pods", label: "Pods", hint: "a whole number" },
  { name: "services.loadbalancers", label: "Services of type LoadBalancer", hint: "a whole number; 0 for none" },
  { name: "persistentvolumeclaims", label: "Persistent volume claims", hint: "a whole number" },
  { name: "requests.storage", label: "Storage", hint: "bytes requested by all claims, e.g. 100Gi" },
] as const;

export const defaultFields = [
  { name: "defaultRequestCpu", label: "Default CPU request", hint: "per container, e.g. 100m" },
  { name: "defaultLimitCpu", label: "Default CPU limit", hint: "per container, e.g. 500m" },
  { name: "defaultRequestMemory", label: "Default memory request", hint: "per container, e.g. 128Mi" },
  { name: "defaultLimitMemory", label: "Default memory limit", hint: "per container, e.g. 512Mi" },
] as const;

export const podSecurityFields = [
  { name: "enforce", label: "Enforce", hint: "pods that break this level are refused" },
  { name: "warn", label: "Warn", hint: "users are warned" },
  { name: "audit", label: "Audit", hint: "recorded in the API server's audit log" },
] as const;

export const placementFields = [
  { name: "taintKey", label: "Taint key", hint: "e.g. clusterdesk.io/dedicated" },
  { name: "taintValue", label: "Taint value", hint: "e.g. tenants" },
  { name: "poolLabelKey", label: "Pool label key", hint: "e.g. clusterdesk.io/pool" },
  { name: "poolLabelValue", label: "Pool label value", hint: "e.g. tenants" },
] as const;

export type TemplateFieldName =
  | "name" | "label" | "description" | "serviceAccount" | "ingressNamespace" | "taintEffect"
  | (typeof quotaFields)[number]["name"] | (typeof defaultFields)[number]["name"] | (typeof podSecurityFields)[number]["name"] | (typeof placementFields)[number]["name"];

export type TemplateFormValues = Partial<Record<TemplateFieldName, string>>;
