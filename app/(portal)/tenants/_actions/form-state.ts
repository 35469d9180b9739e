/** What a tenant form (create, request, edit, archive, adopt, offboard) shows after a submit. */
export type TenantFormState =
  | { status: "idle" }
  | { status: "done"; message: string; number?: number; slug?: string }
  | { status: "error"; message: string; fieldErrors?: Partial<Record<string, string>>; openRequest?: number; values?: Record<string, string> };

export const idleTenantForm: TenantFormState = { status: "idle" };

/** What was submitted, so a refused form loses nothing (React resets a form after its action). */
export function submittedValues(formData: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [name, value] of formData) if (typeof value === "string" && !name.startsWith("$") && name !== "memberGroupIds") values[name] = value;
  return values;
}
