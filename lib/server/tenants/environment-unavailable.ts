import "server-only";

/** Why an environment cannot be planned or applied now; `retryable` when asking again later may help. */
export class EnvironmentUnavailable extends Error {
  constructor(
    message: string,
    readonly retryable: boolean,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = "EnvironmentUnavailable";
  }
}
