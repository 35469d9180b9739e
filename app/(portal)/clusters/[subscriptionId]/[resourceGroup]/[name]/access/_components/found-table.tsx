import { Badge } from "@/components/ui/badge";
import { Table, Td, Th } from "@/components/ui/table";
import { describeSource } from "@/lib/access/found-access";
import type { CachedPrincipal, CachedScope, FoundAccessRow } from "@/lib/server/access/cached-access";
import { FoundAccessForm } from "./found-access-form";

function ScopeCell({ scope }: { scope: CachedScope }) {
  if (scope.kind === "namespace") return <span className="font-mono">{scope.namespace}</span>;
  if (scope.kind === "cluster") return <Badge tone="info">whole cluster</Badge>;
  return <Badge tone="muted">inherited from the {scope.from}</Badge>;
}

export function PrincipalCell({ principal }: { principal: CachedPrincipal }) {
  const detail = principal.type === "Group" ? `Group${principal.memberCount === null ? "" : `, ${principal.memberCount} direct member${principal.memberCount === 1 ? "" : "s"}`}` : (principal.upn ?? principal.type);
  return (
    <>
      <div className="font-medium">{principal.deleted ? <Badge tone="danger">deleted</Badge> : principal.name}</div>
      <div className="text-xs text-slate-600 dark:text-slate-400">{principal.deleted ? `Not in the directory: ${principal.upn ?? principal.id}` : detail}</div>
      <div className="font-mono text-xs text-slate-600 dark:text-slate-400">{principal.id}</div>
    </>
  );
}

/** Access on the cluster that no Clusterdesk grant names, from the inventory's cache, with adopt and revoke where allowed. */
export function FoundTable({ entries }: { entries: readonly FoundAccessRow[] }) {
  return (
    <Table caption="Role assignments found on the cluster, not made through Clusterdesk" showCaption>
      <thead className="bg-slate-50 dark:bg-slate-950">
        <tr>
          <Th>Namespace</Th>
          <Th>Who</Th>
          <Th>Role</Th>
          <Th>Source</Th>
          <Th>
            <span className="sr-only">Actions</span>
          </Th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-200 dark:divide-slate-800">
        {entries.map((entry) => {
          const label = `${entry.roleName} for ${entry.principal.name ?? entry.principal.id}${entry.scope.kind === "namespace" ? ` in ${entry.scope.namespace}` : ""}`;
          return (
            <tr key={entry.id}>
              <Td>
                <ScopeCell scope={entry.scope} />
              </Td>
              <Td>
                <PrincipalCell principal={entry.principal} />
              </Td>
              <Td>
                {entry.roleName}
                <div className="text-xs text-slate-600 dark:text-slate-400">{entry.mechanism === "azure-rbac" ? "Azure role assignment" : entry.externalId.includes("/") ? `RoleBinding ${entry.externalId}` : `ClusterRoleBinding ${entry.externalId}`}</div>
              </Td>
              <Td>
                <Badge tone={entry.source.kind === "found-on-cluster" ? "danger" : "muted"}>{describeSource(entry.source)}</Badge>
              </Td>
              <Td>
                <div className="flex flex-col gap-1">
                  {entry.canAdopt || entry.canRevoke ? <FoundAccessForm entryId={entry.id} label={label} canAdopt={entry.canAdopt} canRevoke={entry.canRevoke} /> : null}
                  {entry.note ? <p className="max-w-56 text-xs text-slate-600 dark:text-slate-400">{entry.note}</p> : null}
                </div>
              </Td>
            </tr>
          );
        })}
      </tbody>
    </Table>
  );
}
