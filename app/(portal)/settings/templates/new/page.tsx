import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/ui/page-header";
import { templateFormValues } from "@/lib/tenants/template-form";
import { environmentTemplates } from "@/lib/tenants/templates";
import { authorizePage } from "@/lib/server/auth/current-user";
import { TemplateForm } from "../_components/template-form";

export const metadata: Metadata = { title: "New environment template" };

export default async function NewTemplatePage() {
  await authorizePage("template.manage", { kind: "portal" });
  // Start from the standard template's figures: most templates differ from it in a few.
  const initial = { ...templateFormValues(environmentTemplates.standard), name: "", label: "", description: "" };
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href="/settings/templates" className="text-sky-800 underline-offset-2 hover:underline focus-visible:outline-2 focus-visible:outline-sky-500 dark:text-sky-300">
          ← All templates
        </Link>
      </p>
      <PageHeader title="New environment template" description="Prefilled with the standard template's figures." />
      <TemplateForm initial={initial} />
    </>
  );
}
