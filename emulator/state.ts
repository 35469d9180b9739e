/**
 * The emulator's mutable world. Everything a request can change lives here, so the control API's
 * reset is `structuredClone(seed)` and nothing else.
 */
export type DirectoryUser = {
  id: string;
  userPrincipalName: string;
  displayName: string;
  givenName: string;
  surname: string;
  mail: string;
  jobTitle: string;
  accountEnabled: boolean;
  /** App roles of Clusterdesk's app registration assigned to the user (the `roles` claim). */
  appRoles: string[];
};

export type DirectoryGroup = {
  id: string;
  displayName: string;
  description: string;
  mailNickname: string;
  securityEnabled: boolean;
  /** Direct members: user, service principal or group object ids. */
  members: string[];
};

export type ServicePrincipal = {
  id: string;
  appId: string;
  displayName: string;
  /** client_credentials secret; absent for first-party apps that cannot sign in here. */
  secret?: string;
  redirectUris: string[];
  appRoles: string[];
  /** Workload identity: tokens of these issuers and subjects are accepted as client assertions. */
  federatedCredentials?: FederatedCredential[];
  /** Certificates registered on the app (Graph `keyCredentials`): client assertions signed with their keys are accepted. */
  certificateCredentials?: CertificateCredential[];
  /** The roles and delegated scopes this service principal's app publishes (Graph `appRoles`, `oauth2PermissionScopes`). */
  publishedAppRoles?: PublishedPermission[];
  publishedScopes?: PublishedPermission[];
};

/** A certificate uploaded to an app registration: its public half and the thumbprints assertions name it by. */
export type CertificateCredential = { certificatePem: string; thumbprintSha1: string; thumbprintSha256: string };

/** An app role or delegated permission scope an API publishes, as Graph lists it on its service principal. */
export type PublishedPermission = { id: string; value: string; displayName: string; description: string };

/**
 * An app registration made through Graph (`POST /applications`), kept as Graph's wire object; its
 * service principal (`POST /servicePrincipals`) lives in `servicePrincipals` and carries the redirect
 * URIs and federated credentials the token endpoint reads (emulator/graph/applications.ts keeps them in step).
 */
export type GraphApplication = Record<string, unknown> & { id: string; appId: string; displayName: string; federatedIdentityCredentials: GraphFederatedCredential[] };
export type GraphFederatedCredential = FederatedCredential & { id: string; description: string | null };

/** Consent to an application permission: an app role of `resourceId` granted to `principalId` (Graph `appRoleAssignment`). */
export type AppRoleAssignmentRecord = { id: string; appRoleId: string; principalId: string; resourceId: string; createdDateTime: string };

/** Consent to delegated permissions (Graph `oAuth2PermissionGrant`). */
export type OAuth2PermissionGrantRecord = { id: string; clientId: string; consentType: "AllPrincipals" | "Principal"; principalId: string | null; resourceId: string; scope: string };

/** An app registration's federated identity credential (Graph `federatedIdentityCredential`). */
export type FederatedCredential = { name: string; issuer: string; subject: string; audiences: string[] };

export type ResourceGroup = { name: string; location: string; tags: Record<string, string> };
export type Subscription = { subscriptionId: string; displayName: string; resourceGroups: ResourceGroup[] };

export type AgentPoolWire = {
  name: string;
  count: number;
  vmSize: string;
  mode: "System" | "User";
  osType: "Linux" | "Windows";
  osSKU?: string;
  type?: string;
  maxPods?: number;
  enableAutoScaling?: boolean;
  minCount?: number;
  maxCount?: number;
  nodeTaints?: string[];
  nodeLabels?: Record<string, string>;
  orchestratorVersion?: string;
  currentOrchestratorVersion?: string;
  provisioningState?: string;
  powerState?: { code: string };
  eTag?: string;
  [other: string]: unknown;
};

/** `properties` of a managed cluster exactly as on the wire (WIRE-PROTOCOLS §1: wire names, not SDK names). */
export type ManagedClusterPropertiesWire = {
  provisioningState?: string;
  powerState?: { code: string };
  kubernetesVersion?: string;
  currentKubernetesVersion?: string;
  dnsPrefix?: string;
  fqdn?: string;
  privateFQDN?: string;
  azurePortalFQDN?: string;
  nodeResourceGroup?: string;
  enableRBAC?: boolean;
  disableLocalAccounts?: boolean;
  aadProfile?: { managed?: boolean; enableAzureRBAC?: boolean; adminGroupObjectIDs?: string[]; tenantID?: string };
  apiServerAccessProfile?: {
    authorizedIPRanges?: string[];
    enablePrivateCluster?: boolean;
    privateDNSZone?: string;
    enablePrivateClusterPublicFQDN?: boolean;
  };
  networkProfile?: {
    networkPlugin?: string;
    networkPluginMode?: string;
    networkPolicy?: string;
    networkDataplane?: string;
    outboundType?: string;
    loadBalancerSku?: string;
    loadBalancerProfile?: Record<string, unknown>;
    podCidr?: string;
    podCidrs?: string[];
    serviceCidr?: string;
    serviceCidrs?: string[];
    dnsServiceIP?: string;
    ipFamilies?: string[];
    [other: string]: unknown;
  };
  agentPoolProfiles?: AgentPoolWire[];
  podIdentityProfile?: { enabled?: boolean; [other: string]: unknown };
  securityProfile?: { workloadIdentity?: { enabled?: boolean }; [other: string]: unknown };
  oidcIssuerProfile?: { enabled?: boolean; issuerURL?: string };
  addonProfiles?: Record<string, { enabled: boolean; config?: Record<string, string> | null; [other: string]: unknown }>;
  [other: string]: unknown;
};

export type ManagedClusterWire = {
  id: string;
  name: string;
  type: "Microsoft.ContainerService/ManagedClusters";
  location: string;
  tags: Record<string, string>;
  eTag: string;
  sku: { name: string; tier: string };
  identity: { type: string; principalId?: string; tenantId?: string; [other: string]: unknown };
  properties: ManagedClusterPropertiesWire;
  [other: string]: unknown;
};

export type ClusterRecord = { subscriptionId: string; resourceGroup: string; resource: ManagedClusterWire };

export type RoleAssignmentRecord = {
  name: string;
  scope: string;
  roleDefinitionGuid: string;
  principalId: string;
  principalType: "User" | "Group" | "ServicePrincipal" | "ForeignGroup" | "Device";
  description: string | null;
  condition: string | null;
  conditionVersion: string | null;
  createdOn: string;
  updatedOn: string;
  createdBy: string | null;
  updatedBy: string | null;
};

export type EmulatorState = {
  tenantId: string;
  tenantDomain: string;
  users: DirectoryUser[];
  groups: DirectoryGroup[];
  servicePrincipals: ServicePrincipal[];
  subscriptions: Subscription[];
  clusters: ClusterRecord[];
  roleAssignments: RoleAssignmentRecord[];
  /** managedClusters/{c}/managedNamespaces/{ns}, with the cluster's resource id (lower case) as parent. */
  managedNamespaces: ManagedNamespaceRecord[];
  /** Microsoft.ManagedIdentity/userAssignedIdentities, each with its federated identity credentials. */
  userAssignedIdentities: UserAssignedIdentityRecord[];
  /** Graph's app registrations, app role assignments and delegated permission grants (emulator/graph/applications.ts). */
  applications: GraphApplication[];
  appRoleAssignments: AppRoleAssignmentRecord[];
  oauth2PermissionGrants: OAuth2PermissionGrantRecord[];
};

export type ManagedNamespaceWire = {
  id: string;
  name: string;
  type: "Microsoft.ContainerService/managedClusters/managedNamespaces";
  location: string;
  tags: Record<string, string>;
  eTag: string;
  properties: {
    provisioningState: string;
    labels?: Record<string, string>;
    annotations?: Record<string, string>;
    defaultResourceQuota?: { cpuRequest?: string; cpuLimit?: string; memoryRequest?: string; memoryLimit?: string };
    defaultNetworkPolicy?: { ingress?: string; egress?: string };
    adoptionPolicy?: string;
    deletePolicy?: string;
    portalFqdn?: string;
  };
};
export type ManagedNamespaceRecord = { clusterId: string; resource: ManagedNamespaceWire };

export type FederatedIdentityCredentialWire = {
  id: string;
  name: string;
  type: "Microsoft.ManagedIdentity/userAssignedIdentities/federatedIdentityCredentials";
  properties: { issuer: string; subject: string; audiences: string[] };
};
export type UserAssignedIdentityWire = {
  id: string;
  name: string;
  type: "Microsoft.ManagedIdentity/userAssignedIdentities";
  location: string;
  tags: Record<string, string>;
  properties: { tenantId: string; principalId: string; clientId: string; isolationScope?: string };
};
export type UserAssignedIdentityRecord = { resource: UserAssignedIdentityWire; federatedCredentials: FederatedIdentityCredentialWire[] };

export function clusterResourceId(subscriptionId: string, resourceGroup: string, name: string): string {
  return `/subscriptions/${subscriptionId}/resourceGroups/${resourceGroup}/providers/Microsoft.ContainerService/managedClusters/${name}`;
}

/**
 * Where each cluster sat in `state.clusters` when last indexed, by lower-cased resource id. Every
 * emulated API-server request looks its cluster up: a scan of 20,000 records (three lower-casings
 * each) per request became a tenth of the emulator's CPU. A hit is trusted only while the record is
 * still at that index; a miss or a moved record rebuilds the index, so pushes and splices anywhere
 * in the emulator need no bookkeeping.
 */
const clusterIndexes = new WeakMap<ClusterRecord[], Map<string, number>>();

function indexClusters(clusters: ClusterRecord[]): Map<string, number> {
  const index = new Map(clusters.map((cluster, position) => [cluster.resource.id.toLowerCase(), position] as const));
  clusterIndexes.set(clusters, index);
  return index;
}

export function findCluster(state: EmulatorState, subscriptionId: string, resourceGroup: string, name: string): ClusterRecord | undefined {
  const key = clusterResourceId(subscriptionId, resourceGroup, name).toLowerCase();
  const at = (index: Map<string, number>) => {
    const position = index.get(key);
    const record = position === undefined ? undefined : state.clusters[position];
    return record && record.resource.id.toLowerCase() === key ? record : undefined;
  };
  const index = clusterIndexes.get(state.clusters);
  const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();
  return (
    (index && at(index)) ??
    at(indexClusters(state.clusters)) ??
    // A record whose id is not in the canonical form (none is today) is still found, as before.
    state.clusters.find((c) => same(c.subscriptionId, subscriptionId) && same(c.resourceGroup, resourceGroup) && same(c.resource.name, name))
  );
}
