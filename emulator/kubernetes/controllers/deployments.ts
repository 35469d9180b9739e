import { createHash, randomBytes } from "node:crypto";
import { isJsonObject, stringAt, type Json, type JsonObject } from "../json";
import { findResourceType, type ResourceType } from "../resources";
import type { ClusterStore } from "../store";
import { quotaRefusal } from "../quota/admission";

/**
 * A stand-in for the deployment and ReplicaSet controllers, run right after a Deployment is
 * written: `spec.replicas` Running pods from the template (owned by the Deployment itself: no
 * ReplicaSets), replaced when the template changes, and a synthetic status in which every pod is
 * ready at once. Enough for a tenant's sample workload to show up in `kubectl get` and quota usage.
 */
const alphabet = "bcdfghjklmnpqrstvwxz2456789";
const pick = (bytes: Uint8Array, length: number) => [...bytes.subarray(0, length)].map((byte) => alphabet[byte % alphabet.length]).join("");

function objectAt(object: JsonObject | undefined, key: string): JsonObject {
  const value = object?.[key];
  return isJsonObject(value) ? value : {};
}

function ownedBy(pod: JsonObject, uid: string): boolean {
  const references = objectAt(pod, "metadata").ownerReferences;
  const owners: Json[] = Array.isArray(references) ? references : [];
  return owners.some((owner) => isJsonObject(owner) && owner.uid === uid);
}

export function deletePodsOf(store: ClusterStore, namespace: string, uid: string): void {
  const pods = findResourceType("", "v1", "pods");
  if (!pods) return;
  for (const pod of store.list(pods, namespace).filter((candidate) => ownedBy(candidate, uid))) store.delete(pods, namespace, stringAt(objectAt(pod, "metadata"), "name") ?? "");
}

function newPod(deployment: JsonObject, hash: string, nodeName: string | undefined): JsonObject {
  const metadata = objectAt(deployment, "metadata");
  const name = stringAt(metadata, "name") ?? "";
  const template = objectAt(objectAt(deployment, "spec"), "template");
  const spec = objectAt(template, "spec");
  const containers: Json[] = Array.isArray(spec.containers) ? spec.containers : [];
  return {
    apiVersion: "v1",
    kind: "Pod",
    metadata: {
      name: `${name}-${hash}-${pick(randomBytes(5), 5)}`,
      labels: { ...objectAt(objectAt(template, "metadata"), "labels"), "pod-template-hash": hash },
      ownerReferences: [{ apiVersion: "apps/v1", kind: "Deployment", name, uid: stringAt(metadata, "uid") ?? "", controller: true, blockOwnerDeletion: true }],
    },
    spec: { ...spec, ...(nodeName ? { nodeName } : {}) },
    status: {
      phase: "Running",
      podIP: "10.244.1.20",
      conditions: [{ type: "Ready", status: "True" }],
      containerStatuses: containers.filter(isJsonObject).map((container) => ({ name: stringAt(container, "name") ?? "", image: stringAt(container, "image") ?? "", ready: true, started: true, restartCount: 0 })),
    },
  };
}

/** Brings the Deployment's pods to its replicas and template, then stores and returns its status. */
export function reconcileDeployment(store: ClusterStore, type: ResourceType, namespace: string, deployment: JsonObject): JsonObject {
  const pods = findResourceType("", "v1", "pods");
  const nodes = findResourceType("", "v1", "nodes");
  if (!pods || !nodes) return deployment;
  const metadata = objectAt(deployment, "metadata");
  const uid = stringAt(metadata, "uid") ?? "";
  const spec = objectAt(deployment, "spec");
  const replicas = typeof spec.replicas === "number" ? spec.replicas : 1;
  const hash = pick(createHash("sha256").update(JSON.stringify(spec.template ?? {})).digest(), 10);
  const owned = store.list(pods, namespace).filter((pod) => ownedBy(pod, uid));
  const current = owned.filter((pod) => stringAt(objectAt(objectAt(pod, "metadata"), "labels"), "pod-template-hash") === hash);
  const stale = [...owned.filter((pod) => !current.includes(pod)), ...current.slice(replicas)];
  for (const pod of stale) store.delete(pods, namespace, stringAt(objectAt(pod, "metadata"), "name") ?? "");
  const nodeName = stringAt(objectAt(store.list(nodes, "")[0], "metadata"), "name");
  let running = Math.min(current.length, replicas);
  let refusal: string | undefined;
  // Pods go through quota admission as the ReplicaSet controller's creates do; a refusal stops the rollout.
  while (running < replicas && !refusal) {
    const pod = newPod(deployment, hash, nodeName);
    refusal = quotaRefusal(store, pods, namespace, pod);
    if (!refusal) {
      store.create(pods, namespace, pod);
      running += 1;
    }
  }
  const replicaSet = `${stringAt(metadata, "name") ?? ""}-${hash}`;
  // The controllers omit zero counts (omitempty).
  const ready: JsonObject = running > 0 ? { replicas: running, updatedReplicas: running, readyReplicas: running, availableReplicas: running } : {};
  const status: JsonObject = {
    observedGeneration: typeof metadata.generation === "number" ? metadata.generation : 1,
    ...ready,
    ...(running < replicas ? { unavailableReplicas: replicas - running } : {}),
    conditions: [
      running === replicas
        ? { type: "Available", status: "True", reason: "MinimumReplicasAvailable", message: "Deployment has minimum availability." }
        : { type: "Available", status: "False", reason: "MinimumReplicasUnavailable", message: "Deployment does not have minimum availability." },
      { type: "Progressing", status: "True", reason: "NewReplicaSetAvailable", message: `ReplicaSet "${replicaSet}" has successfully progressed.` },
      ...(refusal ? [{ type: "ReplicaFailure", status: "True", reason: "FailedCreate", message: `pods "${replicaSet}-" is forbidden: ${refusal}` }] : []),
    ],
  };
  return store.replace(type, namespace, { ...deployment, status });
}
