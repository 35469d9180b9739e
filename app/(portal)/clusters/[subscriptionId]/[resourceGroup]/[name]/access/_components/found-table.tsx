import rows from "@/components/access/access-rows.module.css";
import { RowBadge } from "@/components/access/row-badge";
import { Table } from "@/components/ui/table";
import { describeSource } from "@/lib/access/found-access";
import type { CachedPrincipal, CachedScope, FoundAccessRow } from "@/lib/server/access/cached-access";
import { FoundAccessForm } from "./found-access-form";

function ScopeCell({ scope }: { scope: CachedScope }) {
  if (scope.kind === "namespace") return <span className="font-mono">{scope.namespace}</span>;
  if (scope.kind === "cluster") return <RowBadge tone="info">whole cluster</RowBadge>;
  return <RowBadge tone="muted">{`inherited from the ${scope.from}`}</RowBadge>;
}

export function PrincipalCell({ principal }: { principal: CachedPrincipal }) {
  const detail = principal.type === "Group" ? `Group${principal.memberCount === null ? "" : `, ${principal.memberCount} direct member${principal.memberCount === 1 ? "" : "s"}`}` : (principal.upn ?? principal.type);
  return (
    <>
      <div className="font-medium">{principal.deleted ? <RowBadge tone="danger">deleted</RowBadge> : principal.name}</div>
      <div data-detail>{principal.deleted ? `Not in the directory: ${principal.upn ?? principal.id}` : detail}</div>
      <div data-detail className="font-mono">{principal.id}</div>
    </>
  );
}

/** Access on the cluster that no Clusterdesk grant names, from the inventory's cache, with adopt and revoke where allowed. */
export function FoundTable({ entries }: { entries: readonly FoundAccessRow[] }) {
  return (
    <Table caption="Role assignments found on the cluster, not made through Clusterdesk" showCaption>
      <thead className={rows.head}>
        <tr>
          <th scope="col">Namespace</th>
          <th scope="col">Who</th>
          <th scope="col">Role</th>
          <th scope="col">Source</th>
          <th scope="col">
            <span className="sr-only">Actions</span>
          </th>
        </tr>
      </thead>
      <tbody className={rows.rows}>
        {entries.map((entry) => {
          const label = `${entry.roleName} for ${entry.principal.name ?? entry.principal.id}${entry.scope.kind === "namespace" ? ` in ${entry.scope.namespace}` : ""}`;
          return (
            <tr key={entry.id}>
              <td>
                <ScopeCell scope={entry.scope} />
              </td>
              <td>
                <PrincipalCell principal={entry.principal} />
              </td>
              <td>
                {entry.roleName}
                <div data-detail>{entry.mechanism === "azure-rbac" ? "Azure role assignment" : entry.externalId.includes("/") ? `RoleBinding ${entry.externalId}` : `ClusterRoleBinding ${entry.externalId}`}</div>
              </td>
              <td>
                <RowBadge tone={entry.source.kind === "found-on-cluster" ? "danger" : "muted"}>{describeSource(entry.source)}</RowBadge>
              </td>
              <td>
                <div className="flex flex-col gap-1">
                  {entry.canAdopt || entry.canRevoke ? <FoundAccessForm entryId={entry.id} label={label} canAdopt={entry.canAdopt} canRevoke={entry.canRevoke} /> : null}
                  {entry.note ? <p data-detail className="max-w-56">{entry.note}</p> : null}
                </div>
              </td>
            </tr>
          );
        })}
      </tbody>
    </Table>
  );
}
