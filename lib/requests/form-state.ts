/** What a change-request form (access, extension, tenant environment…) shows after a submit. */
export type ChangeRequestFormState =
  | { status: "idle" }
  | { status: "done"; message: string; number: number }
  | {
      status: "error";
      message: string;
      fieldErrors?: Partial<Record<string, string>>;
      openRequest?: number;
      /** What was submitted: React resets a form after its action, and a failure must lose nothing. */
      values?: Record<string, string>;
    };

export const idleChangeRequestForm: ChangeRequestFormState = { status: "idle" };
