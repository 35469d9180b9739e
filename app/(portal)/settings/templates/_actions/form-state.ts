/** What the template form shows after a submit; `values` keep what was typed when it is refused. */
export type TemplateFormState =
  | { status: "idle" }
  | { status: "done"; message: string; name: string; version: string }
  | { status: "error"; message: string; fieldErrors?: Partial<Record<string, string>>; values?: Record<string, string> };

export const idleTemplateForm: TemplateFormState = { status: "idle" };

/** A one-button form's outcome (archive, restore, delete). */
export type TemplateCommandState = { status: "idle" } | { status: "done"; message: string } | { status: "error"; message: string };
