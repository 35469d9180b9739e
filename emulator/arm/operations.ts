import { randomUUID } from "node:crypto";
import type { EmulatorState } from "../state";
import { isAtOrAbove } from "./role-assignment-filter";

/**
 * Long-running operations (ARM RPC async-api-reference): InProgress until `completeAt`, then Succeeded,
 * or Failed with an error when a fault asked for it. Settled lazily on each request, so no timers run.
 */
export type Operation = {
  name: string;
  subscriptionId: string;
  location: string;
  clusterId: string;
  kind: "write" | "delete";
  startTime: string;
  completeAt: number;
  status: "InProgress" | "Succeeded" | "Failed";
  endTime?: string;
  failure?: { code: string; message: string };
};

export function operationPath(operation: Pick<Operation, "subscriptionId" | "location" | "name">, kind: "operations" | "operationresults"): string {
  return `/subscriptions/${operation.subscriptionId}/providers/Microsoft.ContainerService/locations/${operation.location}/${kind}/${operation.name}`;
}

/**
 * Seconds until the operation should be done, at least 1: clients poll at this interval instead of
 * their own (the Azure CLI's is 30 s; `Retry-After: 0` counts as absent in both the JS and Python SDKs).
 */
export function retryAfter(operation: Pick<Operation, "completeAt">, now = Date.now()): string {
  return String(Math.max(1, Math.ceil((operation.completeAt - now) / 1000)));
}

function setProvisioningState(state: EmulatorState, clusterId: string, provisioningState: string): void {
  // An operation on a managed namespace carries the namespace's id where a cluster's would be.
  const managedNamespace = state.managedNamespaces.find((candidate) => candidate.resource.id.toLowerCase() === clusterId);
  if (managedNamespace) managedNamespace.resource.properties.provisioningState = provisioningState;
  const cluster = state.clusters.find((candidate) => candidate.resource.id.toLowerCase() === clusterId);
  if (!cluster) return;
  cluster.resource.properties.provisioningState = provisioningState;
  for (const pool of cluster.resource.properties.agentPoolProfiles ?? []) pool.provisioningState = provisioningState;
}

export function createOperationStore() {
  const operations = new Map<string, Operation>();
  return {
    start(input: Omit<Operation, "name" | "startTime" | "status" | "completeAt"> & { durationMs: number }): Operation {
      const { durationMs, ...rest } = input;
      const operation: Operation = { ...rest, clusterId: rest.clusterId.toLowerCase(), name: randomUUID(), startTime: new Date().toISOString(), completeAt: Date.now() + durationMs, status: "InProgress" };
      operations.set(operation.name, operation);
      return operation;
    },
    get(name: string): Operation | undefined {
      return operations.get(name.toLowerCase());
    },
    inProgressFor(clusterId: string): Operation | undefined {
      return [...operations.values()].find((operation) => operation.status === "InProgress" && operation.clusterId === clusterId.toLowerCase());
    },
    /** Applies every operation whose time has come to the state. */
    settle(state: EmulatorState, now = Date.now()): void {
      for (const operation of operations.values()) {
        if (operation.status !== "InProgress" || operation.completeAt > now) continue;
        operation.endTime = new Date().toISOString();
        if (operation.failure) {
          operation.status = "Failed";
          setProvisioningState(state, operation.clusterId, "Failed");
        } else if (operation.kind === "delete") {
          operation.status = "Succeeded";
          state.clusters = state.clusters.filter((cluster) => cluster.resource.id.toLowerCase() !== operation.clusterId);
          state.managedNamespaces = state.managedNamespaces.filter((candidate) => candidate.resource.id.toLowerCase() !== operation.clusterId && candidate.clusterId !== operation.clusterId);
          state.roleAssignments = state.roleAssignments.filter((assignment) => !isAtOrAbove(operation.clusterId, assignment.scope));
        } else {
          operation.status = "Succeeded";
          setProvisioningState(state, operation.clusterId, "Succeeded");
        }
      }
    },
    clear(): void {
      operations.clear();
    },
  };
}
export type OperationStore = ReturnType<typeof createOperationStore>;

export function operationStatusBody(operation: Operation, subscriptionId: string) {
  return {
    id: operationPath({ ...operation, subscriptionId }, "operations"),
    name: operation.name,
    status: operation.status,
    startTime: operation.startTime,
    ...(operation.endTime ? { endTime: operation.endTime } : {}),
    ...(operation.status === "Failed" && operation.failure ? { error: operation.failure } : {}),
  };
}
