import { clusterKey, clusterResourceId } from "../../lib/clusters/resource-id";
import { namespacePlan } from "../../emulator/kubernetes/seed/tenant-plan";
import { demoClusterSpecs } from "../../emulator/seed/clusters";
import { demoTeams } from "../../emulator/seed/organisation";

/**
 * The demo organisation's tenants as Clusterdesk records, derived from the emulator's seed (teams
 * and their owner groups; the namespaces the emulated clusters carry) so the two cannot drift.
 * Until the onboarding feature exists, tenants are plain records seeded this way in local mode.
 */
export type DemoTenant = {
  slug: string;
  displayName: string;
  ownerGroupId: string;
  memberGroupIds: string[];
  environments: { name: string; clusterResourceId: string; namespace: string }[];
};

const displayNames: Record<keyof typeof demoTeams, string> = { payments: "Payments", search: "Search", analytics: "Analytics" };

export function demoTenants(): DemoTenant[] {
  return (Object.keys(demoTeams) as Array<keyof typeof demoTeams>).map((slug) => ({
    slug,
    displayName: displayNames[slug],
    ownerGroupId: demoTeams[slug].ownersGroupId.toLowerCase(),
    memberGroupIds: [demoTeams[slug].membersGroupId.toLowerCase()],
    environments: namespacePlan
      .filter((entry) => entry.tenant === slug)
      .flatMap((entry) => {
        const spec = demoClusterSpecs.find((candidate) => candidate.name === entry.cluster);
        if (!spec) return [];
        const id = clusterKey(clusterResourceId({ subscriptionId: spec.subscriptionId, resourceGroup: spec.resourceGroup, name: spec.name }));
        return [{ name: `${entry.namespace}@${entry.cluster}`, clusterResourceId: id, namespace: entry.namespace }];
      }),
  }));
}
