import Link from "next/link";
import type { Metadata } from "next";
import { z } from "zod";
import { Alert } from "@/components/ui/alert";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/auth/policy";
import { personAccess } from "@/lib/server/access/person-view";
import { authorizePage } from "@/lib/server/auth/current-user";
import { requestContext } from "@/lib/server/request-context";
import { PersonAccessTable } from "./_components/person-access-table";
import { PersonPicker } from "./_components/person-picker";

export const metadata: Metadata = { title: "Access" };

const principalParam = z.uuid();

/**
 * The person view: pick a user or group and see every grant it holds across clusters, through
 * groups too. Admins and auditors see everything; a team lead what lies in their own tenants'
 * namespaces. Others get the pointer to the clusters' Access tabs.
 */
export default async function AccessPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await authorizePage("portal.view", { kind: "portal" });
  if (!can(user.principal, "access.view-person", { kind: "portal" })) {
    return (
      <>
        <PageHeader title="Access" description="Who can reach which cluster and namespace." />
        <EmptyState title="Nothing to show you here">
          The person view is for platform admins, auditors and team leads. Ask your team lead about your own access, or open a cluster from{" "}
          <Link href="/clusters" className="text-sky-700 underline dark:text-sky-400">
            Clusters
          </Link>
          .
        </EmptyState>
      </>
    );
  }
  const raw = (await searchParams).principal;
  const parsed = principalParam.safeParse(typeof raw === "string" ? raw.toLowerCase() : undefined);
  const pageParam = (await searchParams).page;
  const page = typeof pageParam === "string" && /^\d{1,6}$/.test(pageParam) ? Number(pageParam) : 1;
  const result = parsed.success ? await personAccess(parsed.data, user.principal, (await requestContext()).correlationId, page) : null;
  const limited = !user.principal.roles.includes("admin") && !user.principal.roles.includes("auditor");
  return (
    <>
      <PageHeader title="Access" description={`Everything a user or group can reach, directly or through groups (nested included)${limited ? ", in your tenants' namespaces" : ""}.`} />
      <PersonPicker />
      <section aria-labelledby="person-access-heading" className="mt-6 space-y-3">
        <h2 id="person-access-heading" className="sr-only">
          Access held
        </h2>
        {raw !== undefined && !parsed.success ? <Alert tone="error" role="alert">The link does not name a user or group (an Entra object id). Pick one above.</Alert> : null}
        {raw === undefined ? <p className="text-sm text-slate-600 dark:text-slate-400">Search for a user or group to see their access.</p> : null}
        {result && !result.ok ? (
          <Alert tone="error" role="alert">
            {result.error}
          </Alert>
        ) : null}
        {result && result.ok ? (
          <>
            <p className="text-sm">
              <strong>{result.principal.displayName}</strong> ({result.principal.type === "Group" ? "group" : (result.principal.userPrincipalName ?? "user")}), member of {result.groupCount}{" "}
              {result.groupCount === 1 ? "group" : "groups"}.
            </p>
            {result.warnings.map((warning) => (
              <Alert key={warning} tone="info" role="status">
                {warning}
              </Alert>
            ))}
            {result.entries.length === 0 ? (
              <EmptyState title="No access found">
                {result.principal.displayName} holds no AKS role on the clusters Clusterdesk knows{limited ? " in your tenants' namespaces" : ""}, directly or through groups.
              </EmptyState>
            ) : (
              <PersonAccessTable name={result.principal.displayName} entries={result.entries} />
            )}
            {result.pageCount > 1 && parsed.success ? (
              <nav aria-label="Pages of access found on clusters" className="flex items-center gap-4 text-sm">
                {result.page > 1 ? (
                  <Link href={`/access?principal=${parsed.data}&page=${result.page - 1}`} className="text-sky-700 underline dark:text-sky-400">
                    Previous page
                  </Link>
                ) : null}
                <span>
                  Page {result.page} of {result.pageCount} ({result.foundTotal} entries found on clusters; Clusterdesk&apos;s grants are on page 1)
                </span>
                {result.page < result.pageCount ? (
                  <Link href={`/access?principal=${parsed.data}&page=${result.page + 1}`} className="text-sky-700 underline dark:text-sky-400">
                    Next page
                  </Link>
                ) : null}
              </nav>
            ) : null}
          </>
        ) : null}
      </section>
    </>
  );
}
