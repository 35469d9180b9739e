import type { Metadata } from "next";
import { PageHeader } from "@/components/ui/page-header";
import { templateFormValues } from "@/lib/tenants/template-form";
import { environmentTemplates } from "@/lib/tenants/templates";
import { authorizePage } from "@/lib/server/auth/current-user";
import { TemplateForm } from "../_components/template-form";
import { TemplatesBackLink } from "../_components/templates-back-link";

export const metadata: Metadata = { title: "New environment template" };

export default async function NewTemplatePage() {
  await authorizePage("template.manage", { kind: "portal" });
  // Start from the standard template's figures: most templates differ from it in a few.
  const initial = { ...templateFormValues(environmentTemplates.standard), name: "", label: "", description: "" };
  return (
    <>
      <TemplatesBackLink />
      <PageHeader title="New environment template" description="Prefilled with the standard template's figures." />
      <TemplateForm initial={initial} />
    </>
  );
}
