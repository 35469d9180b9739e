"use server";

import { revalidatePath } from "next/cache";
import { authorizeAction } from "@/lib/server/auth/current-user";
import { requestContext } from "@/lib/server/request-context";
import { findTemplate, updateTemplate } from "@/lib/server/tenants/tenant-templates";
import type { TemplateFormState } from "./form-state";
import { parseTemplate } from "./parse-template";

/**
 * A platform admin changes a template (audited `template.updated`, before and after). `version` is
 * the template's `updatedAt` when the form was opened: a change made by someone else since is not
 * overwritten. Environments change only when re-applied.
 */
export async function updateTemplateAction(_previous: TemplateFormState, formData: FormData): Promise<TemplateFormState> {
  const parsed = parseTemplate(formData);
  if (!parsed.ok) return parsed.state;
  const version = new Date(parsed.values.version ?? "");
  if (Number.isNaN(version.getTime())) return { status: "error", message: "The form is out of date; reload the page. Nothing was saved.", values: parsed.values };
  const allowed = await authorizeAction("template.manage", { kind: "portal" });
  if (!allowed.ok) return { status: "error", message: allowed.error, values: parsed.values };
  const updated = await updateTemplate(parsed.template, version, allowed.user, await requestContext());
  if (!updated.ok) return { status: "error", message: updated.error, fieldErrors: updated.field ? { [updated.field]: updated.error } : undefined, values: parsed.values };
  revalidatePath("/settings/templates", "layout");
  revalidatePath("/tenants", "layout");
  const stored = await findTemplate(updated.name);
  return { status: "done", message: `Template ${updated.name} is saved. Environments made from it change when they are re-applied.`, name: updated.name, version: stored?.updatedAt.toISOString() ?? "" };
}
