"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { templateNamePattern } from "@/lib/tenants/template-content";
import { authorizeAction } from "@/lib/server/auth/current-user";
import { requestContext } from "@/lib/server/request-context";
import { deleteTemplate, setTemplateArchived } from "@/lib/server/tenants/tenant-templates";
import type { TemplateCommandState } from "./form-state";

const command = z.object({ name: z.string().max(30).regex(templateNamePattern), operation: z.enum(["archive", "restore", "delete"]) });

/**
 * Archives (offered for no new environment), restores or deletes a template (platform admins,
 * audited). Deleting one that environments or open requests use is refused: archive it instead.
 */
export async function templateCommandAction(_previous: TemplateCommandState, formData: FormData): Promise<TemplateCommandState> {
  const parsed = command.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return { status: "error", message: "This is not a template Clusterdesk knows. Nothing changed." };
  const allowed = await authorizeAction("template.manage", { kind: "portal" });
  if (!allowed.ok) return { status: "error", message: allowed.error };
  const { name, operation } = parsed.data;
  const context = await requestContext();
  const outcome = operation === "delete" ? await deleteTemplate(name, allowed.user, context) : await setTemplateArchived(name, operation === "archive", allowed.user, context);
  if (!outcome.ok) return { status: "error", message: outcome.error };
  revalidatePath("/settings/templates", "layout");
  revalidatePath("/tenants", "layout");
  const done = { archive: "is archived: it is offered for no new environment", restore: "is offered again for new environments", delete: "is deleted" }[operation];
  return { status: "done", message: `Template ${name} ${done}.` };
}
