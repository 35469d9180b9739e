import { createHash } from "node:crypto";
import type { JsonObject } from "../json";
import type { NamespacePlan } from "./tenant-plan";

/** Pods, service accounts and pod identity objects of one tenant namespace. */
function suffix(seed: string, length: number): string {
  const alphabet = "bcdfghjklmnpqrstvwxz2456789";
  const digest = createHash("sha256").update(seed).digest();
  return [...digest.subarray(0, length)].map((byte) => alphabet[byte % alphabet.length]).join("");
}

export function pod(namespace: string, app: string, phase: "Running" | "Pending", nodeName: string | undefined, labels: Record<string, string> = {}): JsonObject {
  const name = `${app}-${suffix(`${namespace}/${app}`, 10)}-${suffix(`${namespace}/${app}/${phase}`, 5)}`;
  const status: JsonObject =
    phase === "Running"
      ? {
          phase,
          podIP: "10.244.1.12",
          conditions: [{ type: "Ready", status: "True" }],
          containerStatuses: [{ name: app, image: "mcr.microsoft.com/azuredocs/aks-helloworld:v1", ready: true, started: true, restartCount: 0, state: { running: { startedAt: "2025-01-01T00:00:00Z" } } }],
          qosClass: "Burstable",
        }
      : { phase, conditions: [{ type: "PodScheduled", status: "False", reason: "Unschedulable", message: "0/3 nodes are available: 3 Insufficient cpu." }], qosClass: "Burstable" };
  return {
    apiVersion: "v1",
    kind: "Pod",
    metadata: { name, namespace, labels: { app, ...labels } },
    spec: {
      ...(phase === "Running" && nodeName ? { nodeName } : {}),
      serviceAccountName: "default",
      containers: [{ name: app, image: `mcr.microsoft.com/azuredocs/aks-helloworld:v1`, resources: { requests: { cpu: "100m", memory: "128Mi" }, limits: { cpu: "500m", memory: "256Mi" } } }],
    },
    status,
  };
}

export function serviceAccount(namespace: string, name: string, annotations: Record<string, string> = {}): JsonObject {
  return { apiVersion: "v1", kind: "ServiceAccount", metadata: { name, namespace, ...(Object.keys(annotations).length > 0 ? { annotations } : {}) } };
}

export function tenantWorkloads(plan: NamespacePlan, nodeName: string | undefined, podIdentityEnabled: boolean): JsonObject[] {
  const { namespace, tenant } = plan;
  const objects: JsonObject[] = [
    serviceAccount(namespace, "default"),
    pod(namespace, `${tenant}-api`, "Running", nodeName),
    pod(namespace, `${tenant}-worker`, "Running", nodeName),
    pod(namespace, `${tenant}-batch`, "Pending", undefined),
  ];
  if (plan.workloadIdentityClientId) {
    objects.push(serviceAccount(namespace, `${tenant}-workload`, { "azure.workload.identity/client-id": plan.workloadIdentityClientId }));
  }
  const identity = plan.podIdentity;
  if (identity && podIdentityEnabled) {
    const group = "aadpodidentity.k8s.io/v1";
    objects.push(
      { apiVersion: group, kind: "AzureIdentity", metadata: { name: identity.name, namespace }, spec: { type: 0, resourceID: identity.resourceId, clientID: identity.clientId } },
      { apiVersion: group, kind: "AzureIdentityBinding", metadata: { name: `${identity.name}-binding`, namespace }, spec: { azureIdentity: identity.name, selector: identity.selector } },
      pod(namespace, `${tenant}-reader`, "Running", nodeName, { aadpodidbinding: identity.selector }),
    );
  }
  return objects;
}
