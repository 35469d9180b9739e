import type { IncomingMessage, ServerResponse } from "node:http";

/**
 * The seam between the emulator's Azure side (Entra ID, ARM, Graph) and its Kubernetes side
 * (one API server per emulated cluster). Both live in this process; the app never imports either.
 */

/** The AKS server application: the audience of Entra tokens that API servers of AAD-enabled clusters accept. */
export const aksServerApplicationId = "6dae42f8-4368-4678-94ff-3960e28e3630";

export type EntraIdentity = {
  objectId: string;
  tenantId: string;
  kind: "user" | "servicePrincipal";
  userPrincipalName?: string;
  displayName?: string;
  appId?: string;
  /** Direct and transitive group object IDs. */
  groups: string[];
};

export type ClusterKey = { subscriptionId: string; resourceGroup: string; name: string };

export type EmulatedAgentPool = {
  name: string;
  count: number;
  vmSize: string;
  mode: "System" | "User";
  osType: "Linux" | "Windows";
  nodeTaints: string[];
  nodeLabels: Record<string, string>;
};

export type EmulatedClusterView = ClusterKey & {
  /** /subscriptions/{s}/resourceGroups/{rg}/providers/Microsoft.ContainerService/managedClusters/{name} */
  resourceId: string;
  location: string;
  kubernetesVersion: string;
  privateCluster: boolean;
  managedAad: boolean;
  /** aadProfile.enableAzureRBAC: authorization follows ARM role assignments instead of RBAC bindings. */
  azureRbac: boolean;
  adminGroupObjectIds: string[];
  localAccountsDisabled: boolean;
  podIdentityEnabled: boolean;
  agentPools: EmulatedAgentPool[];
};

export type EmulatedRoleAssignment = {
  /** Full resource id of the assignment. */
  id: string;
  scope: string;
  /** Full id: /subscriptions/{s}/providers/Microsoft.Authorization/roleDefinitions/{guid} */
  roleDefinitionId: string;
  principalId: string;
  principalType: "User" | "Group" | "ServicePrincipal";
};

export type EmulatedRoleDefinition = {
  guid: string;
  roleName: string;
  actions: string[];
  notActions: string[];
  dataActions: string[];
  notDataActions: string[];
};

/** What the Kubernetes side may ask of the Azure side. */
export interface AzureSideForKubernetes {
  /** Validates an Entra access token for the AKS server application; null when invalid or expired. */
  authenticate(bearerToken: string): Promise<EntraIdentity | null>;
  cluster(key: ClusterKey): EmulatedClusterView | undefined;
  listClusters(): EmulatedClusterView[];
  /**
   * Role assignments for any of `principalIds` whose scope is the cluster, one of its namespaces
   * (`{resourceId}/namespaces/{ns}`) or an ancestor of the cluster (resource group, subscription).
   */
  roleAssignmentsAffecting(clusterResourceId: string, principalIds: string[]): EmulatedRoleAssignment[];
  roleDefinition(guid: string): EmulatedRoleDefinition | undefined;
}

/** What an ARM managed namespace asks of the cluster's API server (AKS's in-cluster reconciler). */
export type ManagedNamespaceObjects = {
  name: string;
  labels: Record<string, string>;
  annotations: Record<string, string>;
  /** `spec.hard` of the namespace's default ResourceQuota; none when the managed namespace sets no quota. */
  quota: Record<string, string> | null;
  /** `DenyAll`, `AllowAll` or `AllowSameNamespace` for each direction. */
  networkPolicy: { ingress: string; egress: string };
};

/** The Kubernetes side's namespaces as ARM's managedNamespaces see and change them. */
export interface NamespacesForArm {
  /** The namespace's labels and annotations, or null when it does not exist. */
  read(cluster: ClusterKey, name: string): { labels: Record<string, string>; annotations: Record<string, string> } | null;
  /** Creates or updates the namespace, its default ResourceQuota and NetworkPolicy. */
  apply(cluster: ClusterKey, objects: ManagedNamespaceObjects): void;
  /** Deletes the namespace and its contents (`Delete`), or only removes ARM's label and default objects (`Keep`). */
  release(cluster: ClusterKey, name: string, policy: "Keep" | "Delete"): void;
}

/** The Kubernetes side, mounted by the emulator's server under /k8s/{subscriptionId}/{resourceGroup}/{name}. */
export interface KubernetesSide {
  /** For managedNamespaces; a test's own Kubernetes side may leave it out (ARM then refuses them). */
  namespaces?: NamespacesForArm;
  /** `path` is what follows the cluster prefix, with its query string, e.g. `/api/v1/namespaces?labelSelector=a%3Db`. */
  handle(request: IncomingMessage, response: ServerResponse, cluster: ClusterKey, path: string): Promise<void>;
  /** Back to the seeded state (the control API's reset). */
  reset(): void;
}

export type KubernetesSideFactory = (azure: AzureSideForKubernetes) => KubernetesSide;

/** The API server URL of a public emulated cluster (what listClusterUserCredential's kubeconfig names). */
export function kubernetesServerUrl(emulatorUrl: string, cluster: ClusterKey): string {
  const part = (value: string) => encodeURIComponent(value);
  return `${emulatorUrl.replace(/\/$/, "")}/k8s/${part(cluster.subscriptionId)}/${part(cluster.resourceGroup)}/${part(cluster.name)}`;
}
