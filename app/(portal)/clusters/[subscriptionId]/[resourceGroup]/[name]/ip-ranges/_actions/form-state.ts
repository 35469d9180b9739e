/** What the IP range forms show after a submit. */
export type RangeFormState =
  | { status: "idle" }
  /** `number`: the request made, which the feedback links to so its progress can be followed live. */
  | { status: "done"; message: string; warnings: string[]; number?: number }
  | {
      status: "error";
      message: string;
      fieldErrors?: Partial<Record<"range" | "owner" | "justification" | "expiry", string>>;
      /** An open request that already asks for the same change: the form links to it. */
      openRequest?: number;
      /** What was submitted: React resets a form after its action, and a failure must lose nothing. */
      values?: Record<string, string>;
    };

export const idleRangeForm: RangeFormState = { status: "idle" };

/** What a form shows after a refusal: the field errors and the values to put back. */
export function refusalOf(state: RangeFormState): { errors: NonNullable<Extract<RangeFormState, { status: "error" }>["fieldErrors"]>; values: Record<string, string> } {
  return state.status === "error" ? { errors: state.fieldErrors ?? {}, values: state.values ?? {} } : { errors: {}, values: {} };
}
