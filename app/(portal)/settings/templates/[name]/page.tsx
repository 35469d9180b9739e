import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Badge } from "@/components/ui/badge";
import { PageHeader } from "@/components/ui/page-header";
import { templateFormValues } from "@/lib/tenants/template-form";
import { authorizePage } from "@/lib/server/auth/current-user";
import { findTemplate, templateUses } from "@/lib/server/tenants/tenant-templates";
import { TemplateCommands } from "../_components/template-commands";
import { TemplateForm } from "../_components/template-form";
import { TemplatesBackLink } from "../_components/templates-back-link";

type Params = Promise<{ name: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { name } = await params;
  return { title: `Template ${name}` };
}

export default async function TemplatePage({ params }: { params: Params }) {
  await authorizePage("template.manage", { kind: "portal" });
  const { name } = await params;
  const stored = await findTemplate(name);
  if (!stored) notFound();
  const { environments, requests } = await templateUses(name);
  return (
    <>
      <TemplatesBackLink />
      <PageHeader
        title={stored.template.label}
        description={`Template ${name}: used by ${environments} environment${environments === 1 ? "" : "s"}. Saving changes no environment until it is re-applied; requests already made keep the template as it was.`}
      />
      {stored.archivedAt ? (
        <p className="mb-4 text-sm">
          <Badge tone="muted">Archived</Badge> Offered for no new environment.
        </p>
      ) : null}
      <div className="space-y-8">
        <TemplateForm initial={templateFormValues(stored.template)} version={stored.updatedAt.toISOString()} />
        <TemplateCommands name={name} archived={stored.archivedAt !== null} inUse={environments + requests > 0} />
      </div>
    </>
  );
}
