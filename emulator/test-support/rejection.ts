import type { RestError } from "@azure/core-rest-pipeline";

/** The RestError an SDK call fails with; fails the test if the call succeeds. */
export async function rejection(promise: Promise<unknown>): Promise<RestError> {
  try {
    await promise;
  } catch (error) {
    return error as RestError;
  }
  throw new Error("expected the call to fail");
}
