import { describe, expect, it } from "vitest";
import { checkPreconditions } from "./preconditions";

const status = (method: "PUT" | "PATCH" | "DELETE", ifMatch: string | undefined, ifNoneMatch: string | undefined, currentEtag: string | undefined) =>
  checkPreconditions({ method, ifMatch, ifNoneMatch, currentEtag })?.status ?? "ok";

describe("checkPreconditions (the AKS ETag table)", () => {
  it.each([
    ["PUT", undefined, undefined, undefined, "ok"],
    ["PUT", "", undefined, "e1", "ok"],
    ["PUT", "*", undefined, undefined, 412],
    ["PUT", "*", undefined, "e1", "ok"],
    ["PUT", "e1", undefined, undefined, 412],
    ["PUT", "e1", undefined, "e1", "ok"],
    ['PUT', '"e1"', undefined, "e1", "ok"],
    ["PUT", "e2", undefined, "e1", 412],
    ["PUT", undefined, "*", undefined, "ok"],
    ["PUT", undefined, "*", "e1", 412],
    ["PUT", undefined, "e1", "e1", 400],
    ["PUT", "e1", "*", "e1", 400],
    ["PATCH", "e2", undefined, "e1", 412],
    ["PATCH", "e1", undefined, "e1", "ok"],
    ["PATCH", "e1", undefined, undefined, "ok"],
    ["DELETE", "e2", undefined, "e1", 412],
    ["DELETE", "x", undefined, undefined, "ok"],
  ] as const)("%s If-Match=%s If-None-Match=%s current=%s → %s", (method, ifMatch, ifNoneMatch, current, expected) => {
    expect(status(method, ifMatch, ifNoneMatch, current)).toBe(expected);
  });

  it("names the precondition failure like ARM", () => {
    expect(checkPreconditions({ method: "PUT", ifMatch: "a", ifNoneMatch: undefined, currentEtag: "b" })?.code).toBe("PreconditionFailed");
  });
});
