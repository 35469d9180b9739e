import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Table, Td, Th } from "@/components/ui/table";
import { Timestamp } from "@/components/ui/timestamp";
import { accessRoles } from "@/lib/access/roles";
import type { AccessGrantRow } from "@/lib/server/access/access-view";
import { GrantEffectStatus } from "./grant-effect-status";
import { ExtendGrantForm } from "./extend-grant-form";
import { RevokeGrantForm } from "./revoke-grant-form";

/** Active grants, one row each, in namespace order (the cluster-wide ones first). */
export function GrantTable({ grants }: { grants: readonly AccessGrantRow[] }) {
  return (
    <Table caption="Access granted through Clusterdesk, by namespace">
      <thead className="bg-slate-50 dark:bg-slate-950">
        <tr>
          <Th>Namespace</Th>
          <Th>Who</Th>
          <Th>Role</Th>
          <Th>Status</Th>
          <Th>Granted</Th>
          <Th>Expires</Th>
          <Th>Request</Th>
          <Th>
            <span className="sr-only">Actions</span>
          </Th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-200 dark:divide-slate-800">
        {grants.map((grant) => (
          <tr key={grant.id}>
            <Td className="font-mono">{grant.namespace ?? <Badge tone="info">whole cluster</Badge>}</Td>
            <Td>
              <div className="font-medium">{grant.principal.name}</div>
              <div className="text-xs text-slate-600 dark:text-slate-400">{grant.principal.type === "Group" ? "Group" : (grant.principal.upn ?? "User")}</div>
            </Td>
            <Td>
              {accessRoles[grant.role].name}
              <div className="text-xs text-slate-600 dark:text-slate-400">{grant.mechanism === "azure-rbac" ? "Azure role assignment" : `RoleBinding to ${accessRoles[grant.role].clusterRole}`}</div>
            </Td>
            <Td>
              <GrantEffectStatus effect={grant.effect} />
            </Td>
            <Td>
              <Timestamp date={grant.grantedAt} />
              <div className="text-xs text-slate-600 dark:text-slate-400">asked by {grant.requestedByName}</div>
            </Td>
            <Td>{grant.expiresAt ? <Timestamp date={grant.expiresAt} withAbsolute /> : "Never"}</Td>
            <Td>
              {grant.requestNumber ? (
                <Link href={`/requests/${grant.requestNumber}`} className="text-sky-700 hover:underline dark:text-sky-400">
                  #{grant.requestNumber}
                </Link>
              ) : (
                "—"
              )}
            </Td>
            <Td>
              {grant.revocationRequestNumber ? (
                <Link href={`/requests/${grant.revocationRequestNumber}`} className="text-sm text-sky-700 hover:underline dark:text-sky-400">
                  Revocation #{grant.revocationRequestNumber} open
                </Link>
              ) : grant.canRevoke ? (
                <RevokeGrantForm grantId={grant.id} label={`${accessRoles[grant.role].name} for ${grant.principal.name}`} />
              ) : null}
              {grant.canExtend ? <ExtendGrantForm grantId={grant.id} label={`${accessRoles[grant.role].name} for ${grant.principal.name}`} /> : null}
            </Td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
