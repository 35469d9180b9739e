import "server-only";
import { templateForm } from "@/lib/tenants/template-form";
import { fieldErrorsOf } from "@/lib/tenants/tenant-form";
import type { EnvironmentTemplate } from "@/lib/tenants/templates";
import type { TemplateFormState } from "./form-state";

/** The submitted template checked field by field; refused input comes back with every value typed. */
export function parseTemplate(formData: FormData): { ok: true; template: EnvironmentTemplate; values: Record<string, string> } | { ok: false; state: TemplateFormState } {
  const values: Record<string, string> = {};
  for (const [name, value] of formData) if (typeof value === "string" && !name.startsWith("$")) values[name] = value;
  const parsed = templateForm.safeParse(values);
  if (!parsed.success) return { ok: false, state: { status: "error", message: "Check the highlighted fields. Nothing was saved.", fieldErrors: fieldErrorsOf(parsed.error), values } };
  return { ok: true, template: parsed.data, values };
}
