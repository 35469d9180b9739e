import { builtInRoleGuids as roles } from "../arm/built-in-roles";
import { stableGuid } from "../arm/derived-fields";
import { clusterResourceId, type RoleAssignmentRecord } from "../state";
import { demoGroups, demoServicePrincipals, demoSubscriptions } from "./organisation";

/** Role assignments in place at seed time: team groups on their namespaces, admins and auditors on subscriptions. */
type Grant = [scope: string, role: string, principalId: string, principalType: RoleAssignmentRecord["principalType"]];

const sharedDev = clusterResourceId(demoSubscriptions.nonProduction, "rg-dev", "aks-shared-dev");
const paymentsProd = clusterResourceId(demoSubscriptions.production, "rg-payments-prod", "aks-payments-prod");
const searchProd = clusterResourceId(demoSubscriptions.production, "rg-search-prod", "aks-search-prod");
const analytics = clusterResourceId(demoSubscriptions.nonProduction, "rg-sandbox", "aks-analytics-wi");
const g = demoGroups;

const grants: Grant[] = [
  ...Object.values(demoSubscriptions).flatMap((subscriptionId): Grant[] => [
    [`/subscriptions/${subscriptionId}`, roles.aksRbacClusterAdmin, g.clusterdeskAdmins, "Group"],
    [`/subscriptions/${subscriptionId}`, roles.aksRbacReader, g.clusterdeskAuditors, "Group"],
    [`/subscriptions/${subscriptionId}`, roles.reader, g.clusterdeskAuditors, "Group"],
    [`/subscriptions/${subscriptionId}`, roles.contributor, demoServicePrincipals.clusterdesk.id, "ServicePrincipal"],
    [`/subscriptions/${subscriptionId}`, roles.userAccessAdministrator, demoServicePrincipals.clusterdesk.id, "ServicePrincipal"],
  ]),
  [`${sharedDev}/namespaces/payments-dev`, roles.aksRbacAdmin, g.paymentsOwners, "Group"],
  [`${sharedDev}/namespaces/payments-dev`, roles.aksRbacWriter, g.paymentsMembers, "Group"],
  [`${paymentsProd}/namespaces/payments-prod`, roles.aksRbacWriter, g.paymentsOwners, "Group"],
  [`${paymentsProd}/namespaces/payments-prod`, roles.aksRbacReader, g.paymentsMembers, "Group"],
  [`${sharedDev}/namespaces/search-dev`, roles.aksRbacAdmin, g.searchOwners, "Group"],
  [`${sharedDev}/namespaces/search-dev`, roles.aksRbacWriter, g.searchMembers, "Group"],
  [`${searchProd}/namespaces/search-prod`, roles.aksRbacReader, g.searchMembers, "Group"],
  [`${analytics}/namespaces/analytics-dev`, roles.aksRbacWriter, g.analyticsMembers, "Group"],
  [sharedDev, roles.aksClusterUser, g.allEngineering, "Group"],
  [paymentsProd, roles.aksClusterUser, g.paymentsMembers, "Group"],
  [searchProd, roles.aksClusterUser, g.searchMembers, "Group"],
  [analytics, roles.aksClusterUser, g.analyticsMembers, "Group"],
];

export function seedRoleAssignments(): RoleAssignmentRecord[] {
  const seededAt = "2025-01-06T09:00:00.0000000Z";
  return grants.map(([scope, roleDefinitionGuid, principalId, principalType]) => ({
    name: stableGuid(`${scope}|${roleDefinitionGuid}|${principalId}`),
    scope, roleDefinitionGuid, principalId, principalType,
    description: null, condition: null, conditionVersion: null,
    createdOn: seededAt, updatedOn: seededAt, createdBy: null, updatedBy: null,
  }));
}
