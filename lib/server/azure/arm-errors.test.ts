import { RestError } from "@azure/core-rest-pipeline";
import { describe, expect, it } from "vitest";
import { armFailure } from "./arm-errors";

const rest = (statusCode: number, code = "Code") => new RestError("message", { statusCode, code });

describe("armFailure", () => {
  it.each([
    [404, "not-found", false],
    [412, "precondition-failed", true],
    [409, "conflict", true],
    [429, "throttled", true],
    [401, "unauthenticated", false],
    [403, "forbidden", false],
    [400, "invalid", false],
    [500, "unavailable", true],
    [503, "unavailable", true],
    [418, "unknown", false],
  ])("classifies HTTP %i as %s (retryable: %s)", (status, kind, retryable) => {
    expect(armFailure(rest(status))).toMatchObject({ kind, retryable, statusCode: status });
  });

  it("treats a failed long-running operation as permanent", () => {
    expect(armFailure(new Error("The long-running operation has failed. QuotaExceeded. no cores"))).toMatchObject({ kind: "operation-failed", retryable: false });
  });

  it("retries network failures, not programming errors", () => {
    expect(armFailure(Object.assign(new Error("connect ECONNREFUSED"), { code: "ECONNREFUSED" }))).toMatchObject({ kind: "unavailable", retryable: true });
    expect(armFailure(new TypeError("x is not a function"))).toMatchObject({ kind: "unknown", retryable: false });
  });
});
