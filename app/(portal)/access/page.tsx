import Link from "next/link";
import type { Metadata } from "next";
import { Suspense } from "react";
import { z } from "zod";
import { Alert } from "@/components/ui/alert";
import { EmptyState } from "@/components/ui/empty-state";
import { LoadingSection } from "@/components/ui/loading-section";
import { PageHeader } from "@/components/ui/page-header";
import { can, type Principal } from "@/lib/auth/policy";
import { personAccess } from "@/lib/server/access/person-view";
import { authorizePage } from "@/lib/server/auth/current-user";
import { requestContext } from "@/lib/server/request-context";
import { slowSection } from "@/lib/server/test-hooks/slow-sections";
import { PersonAccessTable } from "./_components/person-access-table";
import { PersonPicker } from "./_components/person-picker";

export const metadata: Metadata = { title: "Access" };

const principalParam = z.uuid();

/** One principal's access across clusters, read from Graph and the clusters: streamed below the picker. */
async function PersonAccess({ principalId, page, viewer, limited }: { principalId: string; page: number; viewer: Principal; limited: boolean }) {
  await slowSection("person-access");
  const result = await personAccess(principalId, viewer, (await requestContext()).correlationId, page);
  if (!result.ok) {
    return (
      <Alert tone="error" role="alert">
        {result.error}
      </Alert>
    );
  }
  return (
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
      {result.pageCount > 1 ? (
        <nav aria-label="Pages of access found on clusters" className="flex items-center gap-4 text-sm">
          {result.page > 1 ? (
            <Link href={`/access?principal=${principalId}&page=${result.page - 1}`} className="text-sky-700 underline dark:text-sky-400">
              Previous page
            </Link>
          ) : null}
          <span>
            Page {result.page} of {result.pageCount} ({result.foundTotal} entries found on clusters; Clusterdesk&apos;s grants are on page 1)
          </span>
          {result.page < result.pageCount ? (
            <Link href={`/access?principal=${principalId}&page=${result.page + 1}`} className="text-sky-700 underline dark:text-sky-400">
              Next page
            </Link>
          ) : null}
        </nav>
      ) : null}
    </>
  );
}

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
        {parsed.success ? (
          <Suspense key={`${parsed.data}#${page}`} fallback={<LoadingSection label="Reading the access held, from Microsoft Graph and the clusters…" rows={3} showLabel />}>
            <PersonAccess principalId={parsed.data} page={page} viewer={user.principal} limited={limited} />
          </Suspense>
        ) : null}
      </section>
    </>
  );
}
