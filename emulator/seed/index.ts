import { localDemoOrganisation } from "../../lib/config/local-mode";
import type { EmulatorState } from "../state";
import { seedClusters } from "./clusters";
import { microsoftGraphServicePrincipal } from "./microsoft-graph";
import { seedGroups, seedServicePrincipals, seedSubscriptions, seedUsers, tenantDomain } from "./organisation";
import { seedRoleAssignments } from "./role-assignments";

export function seedState(): EmulatorState {
  const tenantId = localDemoOrganisation.tenantId;
  return {
    tenantId,
    tenantDomain,
    users: seedUsers(),
    groups: seedGroups(),
    servicePrincipals: [...seedServicePrincipals(), microsoftGraphServicePrincipal()],
    subscriptions: seedSubscriptions(),
    clusters: seedClusters(tenantId),
    roleAssignments: seedRoleAssignments(),
    managedNamespaces: [],
    userAssignedIdentities: [],
    applications: [],
    appRoleAssignments: [],
    oauth2PermissionGrants: [],
  };
}
