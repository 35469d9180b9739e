import "server-only";
import { roleDefinitionId } from "@/lib/access/roles";
import type { ArmIntent } from "@/lib/tenants/arm-intents";
import type { LiveArm } from "@/lib/tenants/arm-plan";
import type { KubeManifest } from "@/lib/tenants/manifest";
import { armFailure } from "@/lib/server/azure/arm-errors";
import { getFederatedCredential, getUserAssignedIdentity, putFederatedCredential, putUserAssignedIdentity } from "@/lib/server/azure/managed-identities";
import { getManagedNamespace, putManagedNamespace } from "@/lib/server/azure/managed-namespaces";
import { getRoleAssignment } from "@/lib/server/azure/role-assignment-read";
import { putRoleAssignment } from "@/lib/server/azure/role-assignments";
import type { ManifestClient } from "@/lib/server/kube/manifests";
import { KubeWriteError } from "@/lib/server/kube/role-bindings";
import { EnvironmentUnavailable } from "./environment-unavailable";

/** Reads and writes an environment's ARM resources; what a write returns matters only for the identity (its client id). */
export type EnvironmentArm = {
  read(intent: ArmIntent): Promise<LiveArm>;
  apply(intent: ArmIntent, signal?: AbortSignal): Promise<{ clientId?: string }>;
};

const namespaceHeader = (name: string): KubeManifest => ({ apiVersion: "v1", kind: "Namespace", metadata: { name, labels: {} } });

function labelsOf(object: unknown): Record<string, string> {
  const labels = (object as { metadata?: { labels?: Record<string, string> } } | null)?.metadata?.labels;
  return labels ?? {};
}

export function environmentArm(client: ManifestClient, location: string, correlationId: string): EnvironmentArm {
  async function read(intent: ArmIntent): Promise<LiveArm> {
    switch (intent.kind) {
      case "ManagedNamespace": {
        const resource = await getManagedNamespace(intent.clusterResourceId, intent.name, correlationId);
        const onCluster = await client.read(namespaceHeader(intent.name));
        return { kind: intent.kind, resource, namespaceOnCluster: onCluster === null ? null : { labels: labelsOf(onCluster) } };
      }
      case "UserAssignedIdentity": {
        const identity = await getUserAssignedIdentity(intent, correlationId);
        return { kind: intent.kind, resource: identity ? { location: identity.location, tags: identity.tags } : null };
      }
      case "FederatedIdentityCredential": {
        // The credential cannot exist before its identity; asking would be a 404 on the parent.
        const identity = await getUserAssignedIdentity(intent.identity, correlationId);
        return { kind: intent.kind, resource: identity ? await getFederatedCredential(intent.identity, intent.name, correlationId) : null };
      }
      case "RoleAssignment":
        return { kind: intent.kind, resource: await getRoleAssignment(intent.subscriptionId, intent.scope, intent.name, correlationId) };
    }
  }
  return {
    async read(intent) {
      try {
        return await read(intent);
      } catch (error) {
        if (error instanceof KubeWriteError) throw error;
        const failure = armFailure(error);
        throw new EnvironmentUnavailable(`Azure Resource Manager could not be asked about ${intent.key}: ${failure.message}`, failure.retryable, { cause: error });
      }
    },
    async apply(intent, signal) {
      switch (intent.kind) {
        case "ManagedNamespace":
          await putManagedNamespace(intent.clusterResourceId, intent.name, location, intent.properties, correlationId, signal);
          return {};
        case "UserAssignedIdentity":
          return { clientId: (await putUserAssignedIdentity(intent, intent.location, intent.tags, correlationId)).clientId };
        case "FederatedIdentityCredential":
          await putFederatedCredential(intent.identity, intent, correlationId);
          return {};
        case "RoleAssignment":
          await putRoleAssignment(
            { subscriptionId: intent.subscriptionId, scope: intent.scope, name: intent.name, roleDefinitionId: roleDefinitionId(intent.subscriptionId, intent.role), principalId: intent.principalId, principalType: intent.principalType },
            correlationId,
          );
          return {};
      }
    },
  };
}
