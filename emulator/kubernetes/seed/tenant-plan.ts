import { demoSubscriptions, demoTeams } from "../../seed/organisation";

/**
 * The demo organisation's in-cluster plan: which tenant namespaces live on which seeded cluster.
 * Group ids come from the Azure side's directory seed (emulator/seed/organisation.ts); cluster names
 * must match emulator/seed/clusters.ts (a test checks it). Clusters not named here get only the
 * system namespaces, roles and nodes.
 */
export const teamGroups = {
  payments: { owners: demoTeams.payments.ownersGroupId, members: demoTeams.payments.membersGroupId },
  search: { owners: demoTeams.search.ownersGroupId, members: demoTeams.search.membersGroupId },
  analytics: { owners: demoTeams.analytics.ownersGroupId, members: demoTeams.analytics.membersGroupId },
} as const;

export type Tenant = keyof typeof teamGroups;

export type PodIdentityPlan = { name: string; resourceId: string; clientId: string; selector: string };

export type NamespacePlan = {
  cluster: string;
  namespace: string;
  tenant: Tenant;
  /** Pod Security Admission level; some namespaces deliberately have none (a posture finding). */
  podSecurity?: "restricted" | "baseline";
  /** A service account annotated for Entra workload identity. */
  workloadIdentityClientId?: string;
  /** Legacy aad-pod-identity objects, only seeded where the cluster has pod identity enabled. */
  podIdentity?: PodIdentityPlan;
};

const nonProduction = demoSubscriptions.nonProduction;

export const namespacePlan: NamespacePlan[] = [
  { cluster: "aks-payments-prod", namespace: "payments-prod", tenant: "payments", podSecurity: "restricted", workloadIdentityClientId: "b7a1c3d2-5e6f-4a8b-9c0d-1e2f3a4b5c61" },
  { cluster: "aks-search-prod", namespace: "search-prod", tenant: "search", podSecurity: "baseline" },
  { cluster: "aks-shared-dev", namespace: "payments-dev", tenant: "payments", podSecurity: "baseline" },
  { cluster: "aks-shared-dev", namespace: "search-dev", tenant: "search" },
  { cluster: "aks-platform-shared", namespace: "payments-dev", tenant: "payments", podSecurity: "baseline" },
  { cluster: "aks-platform-shared", namespace: "search-dev", tenant: "search" },
  { cluster: "aks-analytics-wi", namespace: "analytics-dev", tenant: "analytics", workloadIdentityClientId: "c8b2d4e3-6f7a-4b9c-8d1e-2f3a4b5c6d72" },
  {
    cluster: "aks-legacy-podid",
    namespace: "payments-dev",
    tenant: "payments",
    podIdentity: {
      name: "payments-reader",
      resourceId: `/subscriptions/${nonProduction}/resourceGroups/rg-dev/providers/Microsoft.ManagedIdentity/userAssignedIdentities/payments-reader`,
      clientId: "d9c3e5f4-7a8b-4c0d-9e2f-3a4b5c6d7e83",
      selector: "payments-reader",
    },
  },
];
