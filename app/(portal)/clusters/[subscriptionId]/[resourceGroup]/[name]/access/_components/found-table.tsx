import { Badge } from "@/components/ui/badge";
import { Table, Td, Th } from "@/components/ui/table";
import { accessRoles } from "@/lib/access/roles";
import type { FoundAssignment } from "@/lib/server/access/found-on-cluster";

function ScopeCell({ scope }: { scope: FoundAssignment["scope"] }) {
  if (scope.kind === "namespace") return <span className="font-mono">{scope.namespace}</span>;
  if (scope.kind === "cluster") return <Badge tone="info">whole cluster</Badge>;
  return <Badge tone="muted">inherited from the {scope.from}</Badge>;
}

/** Data-plane role assignments Clusterdesk did not make, read from Azure now. Read-only for now. */
export function FoundTable({ assignments }: { assignments: readonly FoundAssignment[] }) {
  return (
    <Table caption="Role assignments found on the cluster, not made through Clusterdesk" showCaption>
      <thead className="bg-slate-50 dark:bg-slate-950">
        <tr>
          <Th>Namespace</Th>
          <Th>Who</Th>
          <Th>Role</Th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-200 dark:divide-slate-800">
        {assignments.map((assignment) => (
          <tr key={assignment.id}>
            <Td>
              <ScopeCell scope={assignment.scope} />
            </Td>
            <Td>
              <div className="font-medium">{assignment.principal.name ?? "Not found in the directory"}</div>
              <div className="font-mono text-xs text-slate-600 dark:text-slate-400">
                {assignment.principal.type ?? "Principal"} {assignment.principal.id}
              </div>
            </Td>
            <Td>{accessRoles[assignment.role].name}</Td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
