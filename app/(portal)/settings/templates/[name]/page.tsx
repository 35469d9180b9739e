import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Suspense } from "react";
import { Badge } from "@/components/ui/badge";
import { LoadingSection } from "@/components/ui/loading-section";
import { PageHeader } from "@/components/ui/page-header";
import { templateFormValues } from "@/lib/tenants/template-form";
import { authorizePage } from "@/lib/server/auth/current-user";
import { findTemplate, templateUses } from "@/lib/server/tenants/tenant-templates";
import { slowSection } from "@/lib/server/test-hooks/slow-sections";
import { TemplateCommands } from "../_components/template-commands";
import { TemplateForm } from "../_components/template-form";
import { TemplatesBackLink } from "../_components/templates-back-link";

type Params = Promise<{ name: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { name } = await params;
  return { title: `Template ${name}` };
}

type StoredTemplate = NonNullable<Awaited<ReturnType<typeof findTemplate>>>;

/** Streamed: counting the environments and requests that use the template scans both tables. */
async function TemplateEditor({ name, stored }: { name: string; stored: StoredTemplate }) {
  await slowSection("template-editor");
  const { environments, requests } = await templateUses(name);
  return (
    <div className="space-y-8">
      <p className="text-sm text-slate-700 dark:text-slate-300">
        Used by {environments} environment{environments === 1 ? "" : "s"}.
      </p>
      <TemplateForm initial={templateFormValues(stored.template)} version={stored.updatedAt.toISOString()} />
      <TemplateCommands name={name} archived={stored.archivedAt !== null} inUse={environments + requests > 0} />
    </div>
  );
}

export default async function TemplatePage({ params }: { params: Params }) {
  await authorizePage("template.manage", { kind: "portal" });
  const { name } = await params;
  const stored = await findTemplate(name);
  if (!stored) notFound();
  return (
    <>
      <TemplatesBackLink />
      <PageHeader
        title={stored.template.label}
        description={`Template ${name}. Saving changes no environment until it is re-applied; requests already made keep the template as it was.`}
      />
      {stored.archivedAt ? (
        <p className="mb-4 text-sm">
          <Badge tone="muted">Archived</Badge> Offered for no new environment.
        </p>
      ) : null}
      <Suspense fallback={<LoadingSection label="Loading the template…" rows={6} />}>
        <TemplateEditor name={name} stored={stored} />
      </Suspense>
    </>
  );
}
