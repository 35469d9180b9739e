import type { Exchange } from "../http/exchange";
import type { Runtime } from "../runtime";
import type { ResourceGroup, Subscription } from "../state";
import { armErrors, sendArm } from "./errors";

/** Microsoft.Resources: subscriptions and resource groups, read-only. */
export function subscriptionBody(subscription: Subscription, tenantId: string) {
  return {
    id: `/subscriptions/${subscription.subscriptionId}`,
    authorizationSource: "RoleBased",
    managedByTenants: [],
    subscriptionId: subscription.subscriptionId,
    tenantId,
    displayName: subscription.displayName,
    state: "Enabled",
    subscriptionPolicies: { locationPlacementId: "Public_2014-09-01", quotaId: "EnterpriseAgreement_2014-09-01", spendingLimit: "Off" },
  };
}

export function resourceGroupBody(subscriptionId: string, group: ResourceGroup) {
  return {
    id: `/subscriptions/${subscriptionId}/resourceGroups/${group.name}`,
    name: group.name,
    type: "Microsoft.Resources/resourceGroups",
    location: group.location,
    tags: group.tags,
    properties: { provisioningState: "Succeeded" },
  };
}

export function findSubscription(runtime: Runtime, subscriptionId: string): Subscription {
  const subscription = runtime.state().subscriptions.find((candidate) => candidate.subscriptionId.toLowerCase() === subscriptionId.toLowerCase());
  if (!subscription) throw armErrors.subscriptionNotFound(subscriptionId);
  return subscription;
}

export function findResourceGroup(runtime: Runtime, subscriptionId: string, resourceGroup: string): ResourceGroup {
  const group = findSubscription(runtime, subscriptionId).resourceGroups.find((candidate) => candidate.name.toLowerCase() === resourceGroup.toLowerCase());
  if (!group) throw armErrors.resourceGroupNotFound(resourceGroup);
  return group;
}

export function listSubscriptions(exchange: Exchange, runtime: Runtime): void {
  const { subscriptions, tenantId } = runtime.state();
  sendArm(exchange, 200, { value: subscriptions.map((subscription) => subscriptionBody(subscription, tenantId)), count: { type: "Total", value: subscriptions.length } });
}

export function getSubscription(exchange: Exchange, runtime: Runtime, subscriptionId: string): void {
  sendArm(exchange, 200, subscriptionBody(findSubscription(runtime, subscriptionId), runtime.state().tenantId));
}

export function listResourceGroups(exchange: Exchange, runtime: Runtime, subscriptionId: string): void {
  const subscription = findSubscription(runtime, subscriptionId);
  sendArm(exchange, 200, { value: subscription.resourceGroups.map((group) => resourceGroupBody(subscription.subscriptionId, group)) });
}

export function getResourceGroup(exchange: Exchange, runtime: Runtime, subscriptionId: string, resourceGroup: string): void {
  sendArm(exchange, 200, resourceGroupBody(subscriptionId, findResourceGroup(runtime, subscriptionId, resourceGroup)));
}
