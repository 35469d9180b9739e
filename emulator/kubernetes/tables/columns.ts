import { isJsonObject, stringAt, type Json, type JsonObject } from "../json";

/** One printer column: its definition and how a row's cell is computed. */
export type Column = { name: string; type: "string" | "integer" | "date"; priority?: number; description: string; cell: (object: JsonObject, age: string) => Json };

const at = (object: JsonObject, ...path: string[]): Json | undefined => {
  let current: Json | undefined = object;
  for (const key of path) current = isJsonObject(current) ? current[key] : undefined;
  return current;
};
const text = (object: JsonObject, ...path: string[]): string => {
  const value = at(object, ...path);
  return typeof value === "string" ? value : typeof value === "number" ? String(value) : "";
};
const list = (value: Json | undefined): Json[] => (Array.isArray(value) ? value : []);
const count = (value: Json | undefined): number => (isJsonObject(value) ? Object.keys(value).length : 0);
const none = (value: string): string => value || "<none>";
const objectOrEmpty = (value: Json | undefined): JsonObject => (isJsonObject(value) ? value : {});

export const nameColumn: Column = { name: "Name", type: "string", description: "Name must be unique within a namespace.", cell: (object) => text(object, "metadata", "name") };
export const ageColumn: Column = { name: "Age", type: "string", description: "CreationTimestamp of the object.", cell: (_object, age) => age };
const createdAt: Column = { name: "Created At", type: "date", description: "Time when the object was created.", cell: (object) => text(object, "metadata", "creationTimestamp") };
const column = (name: string, cell: (object: JsonObject) => Json, priority = 0, type: Column["type"] = "string"): Column => ({ name, type, priority, description: name, cell });

function subjectsOf(kind: string) {
  // rbac.SubjectsStrings joined by ", ": an empty cell when there are none.
  return (object: JsonObject): string =>
    list(object.subjects)
      .filter((subject): subject is JsonObject => isJsonObject(subject) && subject.kind === kind)
      .map((subject) => (kind === "ServiceAccount" ? `${stringAt(subject, "namespace") ?? ""}/${stringAt(subject, "name") ?? ""}` : (stringAt(subject, "name") ?? "")))
      .join(", ");
}

function selectorText(selector: Json | undefined): string {
  const labels = isJsonObject(selector) && isJsonObject(selector.matchLabels) ? selector.matchLabels : {};
  const pairs = Object.entries(labels).map(([key, value]) => `${key}=${typeof value === "string" ? value : ""}`);
  return pairs.length > 0 ? pairs.join(",") : "<none>";
}

function containerField(deployment: JsonObject, field: string): string {
  return list(at(deployment, "spec", "template", "spec", "containers"))
    .map((container) => (isJsonObject(container) ? (stringAt(container, field) ?? "") : ""))
    .join(",");
}

function readyContainers(pod: JsonObject): string {
  const statuses = list(at(pod, "status", "containerStatuses"));
  const ready = statuses.filter((status) => isJsonObject(status) && status.ready === true).length;
  return `${ready}/${list(at(pod, "spec", "containers")).length}`;
}

function nodeStatus(node: JsonObject): string {
  const ready = list(at(node, "status", "conditions")).find((condition) => isJsonObject(condition) && condition.type === "Ready");
  const status = isJsonObject(ready) && ready.status === "True" ? "Ready" : "NotReady";
  return at(node, "spec", "unschedulable") === true ? `${status},SchedulingDisabled` : status;
}

function nodeAddress(type: string) {
  return (node: JsonObject): string => {
    const address = list(at(node, "status", "addresses")).find((item) => isJsonObject(item) && item.type === type);
    return isJsonObject(address) ? (stringAt(address, "address") ?? "<none>") : "<none>";
  };
}

function quotaUsage(limits: boolean) {
  return (quota: JsonObject): string => {
    const hard = objectOrEmpty(at(quota, "status", "hard"));
    const used = objectOrEmpty(at(quota, "status", "used"));
    return Object.keys(hard)
      .filter((name) => name.startsWith("limits.") === limits)
      .sort()
      .map((name) => `${name}: ${String(used[name] ?? "0")}/${String(hard[name])}`)
      .join(", ");
  };
}

function servicePorts(service: JsonObject): string {
  const ports = list(at(service, "spec", "ports")).filter(isJsonObject);
  if (ports.length === 0) return "<none>";
  return ports.map((port) => `${text(port, "port")}${text(port, "nodePort") ? `:${text(port, "nodePort")}` : ""}/${text(port, "protocol") || "TCP"}`).join(",");
}

function serviceExternalIp(service: JsonObject): string {
  const type = text(service, "spec", "type");
  if (type === "ExternalName") return text(service, "spec", "externalName");
  const ingress = list(at(service, "status", "loadBalancer", "ingress")).filter(isJsonObject).map((entry) => text(entry, "ip") || text(entry, "hostname"));
  if (type === "LoadBalancer") return ingress.length > 0 ? ingress.join(",") : "<pending>";
  return "<none>";
}

function ingressHosts(ingress: JsonObject): string {
  const hosts = list(at(ingress, "spec", "rules")).filter(isJsonObject).map((rule) => text(rule, "host") || "*");
  return hosts.length > 0 ? hosts.join(",") : "*";
}

const bindingColumns = [
  nameColumn,
  column("Role", (binding) => `${text(binding, "roleRef", "kind")}/${text(binding, "roleRef", "name")}`),
  ageColumn,
  column("Users", subjectsOf("User"), 1),
  column("Groups", subjectsOf("Group"), 1),
  column("ServiceAccounts", subjectsOf("ServiceAccount"), 1),
];

/**
 * The columns of pkg/printers/internalversion/printers.go for the served kinds; other kinds get the
 * default Name and Age, as custom resources without printer columns do.
 */
export const columnsByResource: Readonly<Record<string, Column[]>> = {
  namespaces: [nameColumn, column("Status", (ns) => text(ns, "status", "phase")), ageColumn],
  resourcequotas: [nameColumn, ageColumn, column("Request", quotaUsage(false)), column("Limit", quotaUsage(true))],
  limitranges: [nameColumn, createdAt],
  serviceaccounts: [nameColumn, column("Secrets", (sa) => list(sa.secrets).length, 0, "integer"), ageColumn],
  services: [
    nameColumn,
    column("Type", (service) => text(service, "spec", "type")),
    column("Cluster-IP", (service) => text(service, "spec", "clusterIP")),
    column("External-IP", serviceExternalIp),
    column("Port(s)", servicePorts),
    ageColumn,
    column("Selector", (service) => {
      const selector = objectOrEmpty(at(service, "spec", "selector"));
      const pairs = Object.entries(selector).map(([key, value]) => `${key}=${typeof value === "string" ? value : ""}`);
      return pairs.length > 0 ? pairs.join(",") : "<none>";
    }, 1),
  ],
  jobs: [
    nameColumn,
    column("Status", (job) => (text(job, "status", "succeeded") === text(job, "spec", "completions") ? "Complete" : "Running")),
    column("Completions", (job) => `${Number(text(job, "status", "succeeded") || 0)}/${text(job, "spec", "completions") || "1"}`),
    column("Duration", () => "<none>"),
    ageColumn,
  ],
  horizontalpodautoscalers: [
    nameColumn,
    column("Reference", (hpa) => `${text(hpa, "spec", "scaleTargetRef", "kind")}/${text(hpa, "spec", "scaleTargetRef", "name")}`),
    column("Targets", () => "<unknown>"),
    column("MinPods", (hpa) => Number(text(hpa, "spec", "minReplicas") || 1), 0, "integer"),
    column("MaxPods", (hpa) => Number(text(hpa, "spec", "maxReplicas") || 0), 0, "integer"),
    column("Replicas", (hpa) => Number(text(hpa, "status", "currentReplicas") || 0), 0, "integer"),
    ageColumn,
  ],
  ingresses: [
    nameColumn,
    column("Class", (ingress) => text(ingress, "spec", "ingressClassName") || "<none>"),
    column("Hosts", ingressHosts),
    column("Address", (ingress) => list(at(ingress, "status", "loadBalancer", "ingress")).filter(isJsonObject).map((entry) => text(entry, "ip") || text(entry, "hostname")).join(",")),
    column("Ports", (ingress) => (list(at(ingress, "spec", "tls")).length > 0 ? "80, 443" : "80")),
    ageColumn,
  ],
  configmaps: [nameColumn, column("Data", (cm) => count(cm.data) + count(cm.binaryData), 0, "integer"), ageColumn],
  pods: [
    nameColumn,
    column("Ready", readyContainers),
    column("Status", (pod) => text(pod, "status", "reason") || text(pod, "status", "phase")),
    column("Restarts", (pod) => list(at(pod, "status", "containerStatuses")).reduce<number>((total, status) => total + (isJsonObject(status) && typeof status.restartCount === "number" ? status.restartCount : 0), 0), 0, "integer"),
    ageColumn,
    column("IP", (pod) => none(text(pod, "status", "podIP")), 1),
    column("Node", (pod) => none(text(pod, "spec", "nodeName")), 1),
  ],
  nodes: [
    nameColumn,
    column("Status", nodeStatus),
    column("Roles", () => "<none>"),
    ageColumn,
    column("Version", (node) => text(node, "status", "nodeInfo", "kubeletVersion")),
    column("Internal-IP", nodeAddress("InternalIP"), 1),
    column("External-IP", nodeAddress("ExternalIP"), 1),
    column("OS-Image", (node) => text(node, "status", "nodeInfo", "osImage"), 1),
    column("Container-Runtime", (node) => text(node, "status", "nodeInfo", "containerRuntimeVersion"), 1),
  ],
  deployments: [
    nameColumn,
    column("Ready", (deployment) => `${Number(text(deployment, "status", "readyReplicas") || 0)}/${Number(text(deployment, "spec", "replicas") || 0)}`),
    column("Up-to-date", (deployment) => Number(text(deployment, "status", "updatedReplicas") || 0), 0, "integer"),
    column("Available", (deployment) => Number(text(deployment, "status", "availableReplicas") || 0), 0, "integer"),
    ageColumn,
    column("Containers", (deployment) => containerField(deployment, "name"), 1),
    column("Images", (deployment) => containerField(deployment, "image"), 1),
    column("Selector", (deployment) => selectorText(at(deployment, "spec", "selector")), 1),
  ],
  networkpolicies: [nameColumn, column("Pod-Selector", (policy) => selectorText(at(policy, "spec", "podSelector"))), ageColumn],
  roles: [nameColumn, createdAt],
  clusterroles: [nameColumn, createdAt],
  rolebindings: bindingColumns,
  clusterrolebindings: bindingColumns,
  poddisruptionbudgets: [
    nameColumn,
    column("Min Available", (pdb) => text(pdb, "spec", "minAvailable") || "N/A"),
    column("Max Unavailable", (pdb) => text(pdb, "spec", "maxUnavailable") || "N/A"),
    column("Allowed Disruptions", (pdb) => Number(text(pdb, "status", "disruptionsAllowed") || 0), 0, "integer"),
    ageColumn,
  ],
};
