/** What the IP range forms show after a submit. */
export type RangeFormState =
  | { status: "idle" }
  | { status: "done"; message: string; warnings: string[] }
  | {
      status: "error";
      message: string;
      fieldErrors?: Partial<Record<"range" | "owner" | "justification" | "expiry", string>>;
      /** What was submitted: React resets a form after its action, and a failure must lose nothing. */
      values?: Record<string, string>;
    };

export const idleRangeForm: RangeFormState = { status: "idle" };
