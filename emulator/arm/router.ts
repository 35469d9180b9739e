import type { Exchange } from "../http/exchange";
import type { Runtime } from "../runtime";
import { checkApiVersion } from "./api-version";
import { authenticateArm, challengeHeader } from "./authenticate";
import { ArmError, sendArm, sendArmError } from "./errors";
import { deleteCluster, getCluster, listClusters, listCredential, patchClusterTags, putCluster, type ClusterAddress } from "./managed-clusters";
import { operationStatusBody, retryAfter } from "./operations";
import { getAgentPool, listAgentPools } from "./agent-pools";
import { deleteManagedNamespace, getManagedNamespace, listManagedNamespaceCredential, listManagedNamespaces, patchManagedNamespaceTags, putManagedNamespace } from "./managed-namespaces";
import { deleteCredential, deleteIdentity, getCredential, getIdentity, listCredentials, putCredential, putIdentity } from "./user-assigned-identities";
import { deleteRoleAssignment, getRoleAssignment, listRoleAssignments, putRoleAssignment } from "./role-assignments";
import type { ArmCaller } from "./role-assignments-permission";
import { getPublicIpAddress } from "./public-ip-addresses";
import { listKubernetesVersions } from "./kubernetes-versions";
import { getRoleDefinition, listRoleDefinitions, putRoleDefinition } from "./role-definitions";
import { getResourceGroup, getSubscription, listResourceGroups, listSubscriptions } from "./subscriptions";
import { requireApplicationPermission } from "./application-permission";

/** Azure Resource Manager: /subscriptions/… and /providers/…, plus role resources under any scope. */
const seg = "([^/]+)";
const clusters = new RegExp(`^/subscriptions/${seg}(?:/resourceGroups/${seg})?/providers/Microsoft\\.ContainerService/managedClusters$`, "i");
const cluster = new RegExp(`^/subscriptions/${seg}/resourceGroups/${seg}/providers/Microsoft\\.ContainerService/managedClusters/${seg}(?:/(listClusterUserCredential|listClusterAdminCredential))?$`, "i");
const clusterChild = new RegExp(`^/subscriptions/${seg}/resourceGroups/${seg}/providers/Microsoft\\.ContainerService/managedClusters/${seg}/(managedNamespaces|agentPools)(?:/${seg}(?:/(listCredential))?)?$`, "i");
const identity = new RegExp(`^/subscriptions/${seg}/resourceGroups/${seg}/providers/Microsoft\\.ManagedIdentity/userAssignedIdentities/${seg}(?:/(federatedIdentityCredentials)(?:/${seg})?)?$`, "i");
const operation = new RegExp(`^/subscriptions/${seg}/providers/Microsoft\\.ContainerService/locations/${seg}/(operations|operationresults)/${seg}$`, "i");
const publicIp = new RegExp(`^/subscriptions/${seg}/resourceGroups/${seg}/providers/Microsoft\\.Network/publicIPAddresses/${seg}$`, "i");
const kubernetesVersions = new RegExp(`^/subscriptions/${seg}/providers/Microsoft\\.ContainerService/locations/${seg}/kubernetesVersions$`, "i");
const roleAssignments = /^(.*?)\/providers\/Microsoft\.Authorization\/roleAssignments(?:\/([^/]+))?$/i;
const roleDefinitions = /^(.*?)\/providers\/Microsoft\.Authorization\/roleDefinitions(?:\/([^/]+))?$/i;
const subscriptions = new RegExp(`^/subscriptions(?:/${seg}(?:/resourceGroups(?:/${seg})?)?)?$`, "i");

export function isArmPath(path: string): boolean {
  return /^\/(subscriptions|providers)(\/|$)/i.test(path);
}

const methodNotAllowed = (exchange: Exchange) =>
  new ArmError(405, "MethodNotAllowed", `The requested resource does not support http method '${exchange.method}'.`);

async function route(exchange: Exchange, runtime: Runtime, caller: ArmCaller): Promise<void> {
  const { path, method } = exchange;
  let match: RegExpExecArray | null;
  if ((match = roleAssignments.exec(path))) {
    const [, scope = "", name] = match;
    if (!name) {
      if (method !== "GET") throw methodNotAllowed(exchange);
      return listRoleAssignments(exchange, runtime, scope);
    }
    if (method === "GET") return getRoleAssignment(exchange, runtime, scope, name);
    if (method === "PUT") return putRoleAssignment(exchange, runtime, scope, name, caller);
    if (method === "DELETE") return deleteRoleAssignment(exchange, runtime, scope, name, caller);
    throw methodNotAllowed(exchange);
  }
  if ((match = roleDefinitions.exec(path))) {
    const [, scope = "", guid] = match;
    if (guid && method === "PUT") return putRoleDefinition(exchange, runtime, scope, guid, caller);
    if (method !== "GET") throw methodNotAllowed(exchange);
    return guid ? getRoleDefinition(exchange, runtime, scope, guid) : listRoleDefinitions(exchange, runtime, scope);
  }
  if ((match = clusterChild.exec(path))) {
    const [, subscriptionId = "", resourceGroup = "", clusterName = "", child = "", name, action] = match;
    const address: ClusterAddress = { subscriptionId, resourceGroup, name: clusterName };
    if (child.toLowerCase() === "agentpools") {
      if (method !== "GET" || action) throw methodNotAllowed(exchange);
      return name ? getAgentPool(exchange, runtime, address, name) : listAgentPools(exchange, runtime, address);
    }
    if (!name) {
      if (method !== "GET") throw methodNotAllowed(exchange);
      return listManagedNamespaces(exchange, runtime, address);
    }
    if (action) {
      if (method !== "POST") throw methodNotAllowed(exchange);
      return listManagedNamespaceCredential(exchange, runtime, address, name);
    }
    if (method === "GET") return getManagedNamespace(exchange, runtime, address, name);
    if (method === "PUT") return putManagedNamespace(exchange, runtime, address, name);
    if (method === "PATCH") return patchManagedNamespaceTags(exchange, runtime, address, name);
    if (method === "DELETE") return deleteManagedNamespace(exchange, runtime, address, name);
    throw methodNotAllowed(exchange);
  }
  if ((match = identity.exec(path))) {
    const [, subscriptionId = "", resourceGroup = "", identityName = "", credentials, credentialName] = match;
    const address = { subscriptionId, resourceGroup, name: identityName };
    if (credentials && !credentialName) {
      if (method !== "GET") throw methodNotAllowed(exchange);
      return listCredentials(exchange, runtime, address);
    }
    if (credentialName) {
      if (method === "GET") return getCredential(exchange, runtime, address, credentialName);
      if (method === "PUT") return putCredential(exchange, runtime, address, credentialName);
      if (method === "DELETE") return deleteCredential(exchange, runtime, address, credentialName);
      throw methodNotAllowed(exchange);
    }
    if (method === "GET") return getIdentity(exchange, runtime, address);
    if (method === "PUT") return putIdentity(exchange, runtime, address);
    if (method === "DELETE") return deleteIdentity(exchange, runtime, address);
    throw methodNotAllowed(exchange);
  }
  if ((match = cluster.exec(path))) {
    const [, subscriptionId = "", resourceGroup = "", name = "", action] = match;
    const address: ClusterAddress = { subscriptionId, resourceGroup, name };
    if (action) {
      if (method !== "POST") throw methodNotAllowed(exchange);
      return listCredential(exchange, runtime, address, action.toLowerCase() === "listclusteradmincredential" ? "clusterAdmin" : "clusterUser");
    }
    if (method === "GET") return getCluster(exchange, runtime, address);
    if (method === "PUT") return putCluster(exchange, runtime, address);
    if (method === "PATCH") return patchClusterTags(exchange, runtime, address);
    if (method === "DELETE") return deleteCluster(exchange, runtime, address);
    throw methodNotAllowed(exchange);
  }
  if (method !== "GET") throw methodNotAllowed(exchange);
  if (kubernetesVersions.test(path)) return listKubernetesVersions(exchange);
  if ((match = clusters.exec(path))) return listClusters(exchange, runtime, match[1] ?? "", match[2]);
  if ((match = publicIp.exec(path))) return getPublicIpAddress(exchange, runtime, match[1] ?? "", match[2] ?? "", match[3] ?? "");
  if ((match = operation.exec(path))) {
    const [, subscriptionId = "", , kind, name = ""] = match;
    const found = runtime.operations.get(name);
    if (!found) throw new ArmError(404, "NotFound", `Operation id '${name}' could not be found.`);
    const pollAgain = found.status === "InProgress" ? { "retry-after": retryAfter(found) } : undefined;
    if (kind?.toLowerCase() === "operationresults") return sendArm(exchange, pollAgain ? 202 : 204, undefined, pollAgain);
    return sendArm(exchange, 200, operationStatusBody(found, subscriptionId), pollAgain);
  }
  if ((match = subscriptions.exec(path))) {
    const [, subscriptionId, resourceGroup] = match;
    if (!subscriptionId) return listSubscriptions(exchange, runtime);
    if (resourceGroup) return getResourceGroup(exchange, runtime, subscriptionId, resourceGroup);
    if (/resourceGroups$/i.test(path)) return listResourceGroups(exchange, runtime, subscriptionId);
    return getSubscription(exchange, runtime, subscriptionId);
  }
  const type = /\/providers\/([^/]+)\/([^/]+)/i.exec(path);
  throw new ArmError(
    404, type ? "InvalidResourceType" : "NotFound",
    type ? `The resource type '${type[2]}' could not be found in the namespace '${type[1]}' for api version '${exchange.url.searchParams.get("api-version") ?? ""}'.` : `The requested path '${path}' was not found.`,
  );
}

/** The location ARM names in NoRegisteredProviderFound: the addressed location or resource group's. */
function requestLocation(path: string, runtime: Runtime): string {
  const named = /\/locations\/([^/]+)/i.exec(path)?.[1];
  if (named) return named;
  const [, subscriptionId, resourceGroup] = /^\/subscriptions\/([^/]+)\/resourceGroups\/([^/]+)/i.exec(path) ?? [];
  const subscription = runtime.state().subscriptions.find((candidate) => candidate.subscriptionId.toLowerCase() === subscriptionId?.toLowerCase());
  return subscription?.resourceGroups.find((group) => group.name.toLowerCase() === resourceGroup?.toLowerCase())?.location ?? "";
}

export async function handleArm(exchange: Exchange, runtime: Runtime): Promise<void> {
  try {
    const claims = await authenticateArm(exchange, runtime);
    const versionError = checkApiVersion(exchange.path, exchange.url.searchParams.get("api-version"), requestLocation(exchange.path, runtime));
    if (versionError) throw versionError;
    runtime.operations.settle(runtime.state());
    const objectId = String(claims.oid ?? "");
    // AuthorizationFailed names a user by UPN and an application by its object id.
    const caller = { objectId, clientName: claims.idtyp === "app" ? objectId : String(claims.upn ?? claims.preferred_username ?? objectId) };
    if (runtime.settings.authorizeApplications && claims.idtyp === "app") requireApplicationPermission(runtime.state(), caller, exchange.method, exchange.path);
    await route(exchange, runtime, caller);
  } catch (error) {
    if (!(error instanceof ArmError)) throw error;
    sendArmError(exchange, error, challengeHeader(error));
  }
}
