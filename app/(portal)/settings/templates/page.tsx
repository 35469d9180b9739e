import type { Metadata } from "next";
import Link from "next/link";
import { Suspense } from "react";
import { Badge } from "@/components/ui/badge";
import { ButtonLink } from "@/components/ui/button-link";
import { EmptyState } from "@/components/ui/empty-state";
import { LoadingSection } from "@/components/ui/loading-section";
import { PageHeader } from "@/components/ui/page-header";
import { Table, Td, Th } from "@/components/ui/table";
import { authorizePage } from "@/lib/server/auth/current-user";
import { listTemplates } from "@/lib/server/tenants/tenant-templates";
import { slowSection } from "@/lib/server/test-hooks/slow-sections";

export const metadata: Metadata = { title: "Environment templates" };

const linkClass = "font-medium text-sky-800 underline-offset-2 hover:underline focus-visible:outline-2 focus-visible:outline-sky-500 dark:text-sky-300";

async function Templates() {
  await slowSection("template-list");
  const templates = await listTemplates();
  if (templates.length === 0) {
    return <EmptyState title="No templates">Create one: tenants can ask for environments only from a template.</EmptyState>;
  }
  return (
    <Table caption="Environment templates">
      <thead>
        <tr>
          <Th>Template</Th>
          <Th>Description</Th>
          <Th>Environments</Th>
          <Th>State</Th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-200 dark:divide-slate-800">
        {templates.map((template) => (
          <tr key={template.name}>
            <Td>
              <Link href={`/settings/templates/${template.name}`} className={linkClass}>
                {template.label}
              </Link>
              <span className="block font-mono text-xs text-slate-600 dark:text-slate-400">{template.name}</span>
            </Td>
            <Td className="max-w-md text-slate-700 dark:text-slate-300">{template.description}</Td>
            <Td>{template.environments}</Td>
            <Td>{template.archivedAt ? <Badge tone="muted">Archived</Badge> : <Badge tone="success">Offered</Badge>}</Td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}

/** Platform admins manage what every tenant namespace gets: quota, defaults, isolation, Pod Security, placement. */
export default async function TemplatesPage() {
  await authorizePage("template.manage", { kind: "portal" });
  return (
    <>
      <PageHeader
        title="Environment templates"
        description="What a tenant's namespace gets: quota, container defaults, network isolation, Pod Security levels and node-pool placement. Changes reach an environment when it is re-applied."
      />
      <p className="mb-4">
        <ButtonLink href="/settings/templates/new">New template</ButtonLink>
      </p>
      <Suspense fallback={<LoadingSection label="Loading the templates…" />}>
        <Templates />
      </Suspense>
    </>
  );
}
