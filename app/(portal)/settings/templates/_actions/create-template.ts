"use server";

import { revalidatePath } from "next/cache";
import { authorizeAction } from "@/lib/server/auth/current-user";
import { requestContext } from "@/lib/server/request-context";
import { createTemplate, findTemplate } from "@/lib/server/tenants/tenant-templates";
import type { TemplateFormState } from "./form-state";
import { parseTemplate } from "./parse-template";

/** A platform admin adds an environment template (audited `template.created`); refused input saves nothing. */
export async function createTemplateAction(_previous: TemplateFormState, formData: FormData): Promise<TemplateFormState> {
  const parsed = parseTemplate(formData);
  if (!parsed.ok) return parsed.state;
  const allowed = await authorizeAction("template.manage", { kind: "portal" });
  if (!allowed.ok) return { status: "error", message: allowed.error, values: parsed.values };
  const created = await createTemplate(parsed.template, allowed.user, await requestContext());
  if (!created.ok) return { status: "error", message: created.error, fieldErrors: created.field ? { [created.field]: created.error } : undefined, values: parsed.values };
  revalidatePath("/settings/templates");
  revalidatePath("/tenants", "layout");
  const stored = await findTemplate(created.name);
  return { status: "done", message: `Template ${created.name} is saved; tenants can now ask for environments from it.`, name: created.name, version: stored?.updatedAt.toISOString() ?? "" };
}
