import { Table, Td, Th } from "@/components/ui/table";
import type { OffboardingPlan } from "@/lib/server/tenants/offboarding-plan";

type Environment = OffboardingPlan["environments"][number];

/** What Azure holds for the environment, one entry per resource offboarding deletes. */
function azureResources(environment: Environment): string[] {
  const arm = environment.arm;
  if (!arm) return [];
  return [
    ...(arm.managedNamespace ? [`Managed namespace ${environment.namespace}`] : []),
    ...arm.roleAssignments.map((assignment) => `Role assignment ${assignment.role} for group ${assignment.principalId}`),
    ...(arm.identity ? [`Managed identity ${arm.identity.name}`, ...arm.identity.federatedCredentials.map((name) => `Federated credential ${name}`)] : []),
  ];
}

/** Everything offboarding would remove, as read now; the request records this list and removes exactly it. */
export function OffboardingPlanView({ plan }: { plan: OffboardingPlan }) {
  return (
    <div className="space-y-3">
      <Table caption="Namespaces and what they hold" showCaption>
        <thead>
          <tr>
            <Th>Namespace</Th>
            <Th>Contents</Th>
            <Th>Clusterdesk&apos;s RoleBindings and labels</Th>
            <Th>In Azure</Th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-200 dark:divide-slate-800">
          {plan.environments.map((environment) => (
            <tr key={`${environment.clusterResourceId}/${environment.namespace}`}>
              <Td>
                <span className="font-mono text-xs">{environment.namespace}</span> on {environment.clusterName}
                {environment.exists ? null : <p className="text-xs text-slate-600 dark:text-slate-400">Not on the cluster any more: only the record is removed.</p>}
              </Td>
              <Td>{environment.contents.length === 0 ? "Empty" : environment.contents.map((entry) => `${entry.count} ${entry.kind}${entry.count === 1 ? "" : "s"}`).join(", ")}</Td>
              <Td className="text-xs">{[...environment.roleBindings.map((name) => `RoleBinding ${name}`), ...environment.labels, ...environment.annotations].join(", ") || "None"}</Td>
              <Td className="text-xs">{azureResources(environment).join(", ") || "None"}</Td>
            </tr>
          ))}
        </tbody>
      </Table>
      <p className="text-sm">
        {plan.grants.length === 0
          ? "No access grants to revoke."
          : `Access grants revoked: ${plan.grants.map((grant) => `${grant.role} for ${grant.principalName}${grant.namespace ? ` in ${grant.namespace}` : ""}`).join("; ")}.`}
      </p>
      <p className="text-xs text-slate-600 dark:text-slate-400">
        Azure resources are deleted in both cases. A kept managed namespace is released by Azure (its default quota and network policy go) and no longer grants the tenant&apos;s groups anything.
      </p>
    </div>
  );
}
