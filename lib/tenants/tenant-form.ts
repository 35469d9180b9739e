import { z } from "zod";
import { checkTenantSlug } from "./tenant-names";

/**
 * The tenant forms (create, request, edit) as submitted. Groups are Entra object ids picked with the
 * people picker; the server checks them again against Graph before anything is recorded.
 */
const groupId = z.uuid({ error: "Choose a group from the directory." }).transform((id) => id.toLowerCase());

const contacts = z
  .string()
  .max(2000, "Keep the contacts under 2000 characters.")
  .transform((text) => text.split(/[\s,;]+/).filter((entry) => entry !== ""))
  .pipe(z.array(z.email({ error: "Contacts are mail addresses, separated by commas." })).max(10, "Name at most 10 contacts."));

export const tenantDetailsForm = z.object({
  displayName: z.string().trim().min(2, "Enter the tenant's display name (at least 2 characters).").max(100, "Keep the display name under 100 characters."),
  ownerGroupId: groupId,
  memberGroupIds: z.array(groupId).max(20, "Choose at most 20 member groups.").default([]),
  contacts: contacts.default([]),
  costCentre: z
    .string()
    .trim()
    .max(40, "Keep the cost centre under 40 characters.")
    .regex(/^[A-Za-z0-9 ._-]*$/, "A cost centre is letters, digits, spaces, '.', '_' and '-'.")
    .transform((value) => (value === "" ? null : value)),
});

export const tenantCreateForm = tenantDetailsForm.extend({
  slug: z
    .string()
    .trim()
    .superRefine((value, context) => {
      const check = checkTenantSlug(value);
      if (!check.ok) context.addIssue({ code: "custom", message: check.message });
    }),
  justification: z.string().trim().max(1000, "Keep the reason under 1000 characters.").default(""),
});

export type TenantDetails = z.infer<typeof tenantDetailsForm>;
export type TenantCreateForm = z.infer<typeof tenantCreateForm>;

/** FormData to the shape above: `memberGroupIds` comes as repeated fields, empty ones dropped. */
export function tenantFormValues(formData: FormData): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const [name, value] of formData) if (typeof value === "string" && !name.startsWith("$") && name !== "memberGroupIds") values[name] = value;
  values.memberGroupIds = formData.getAll("memberGroupIds").filter((value): value is string => typeof value === "string" && value !== "");
  return values;
}

/** The first message per field, for the form. */
export function fieldErrorsOf(error: z.ZodError): Record<string, string> {
  const fieldErrors: Record<string, string> = {};
  for (const issue of error.issues) fieldErrors[String(issue.path[0] ?? "form")] ??= issue.message;
  return fieldErrors;
}
