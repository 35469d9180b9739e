import { describe, expect, it } from "vitest";
import { parseRequestListParams, requestListHref } from "./list-query";

describe("parseRequestListParams", () => {
  it("reads view, kind and page", () => {
    expect(parseRequestListParams({ view: "pending", kind: "namespace-access", page: "3" }, false)).toEqual({ view: "pending", kind: "namespace-access", page: 3, unknownKind: null });
  });

  it("defaults the view by role and keeps the inbox for admins", () => {
    expect(parseRequestListParams({}, true).view).toBe("inbox");
    expect(parseRequestListParams({ view: "inbox" }, false).view).toBe("all");
    expect(parseRequestListParams({ view: "nonsense" }, false).view).toBe("all");
  });

  it("reports an unknown kind instead of dropping it silently, including prototype names", () => {
    expect(parseRequestListParams({ kind: "toString" }, false)).toMatchObject({ kind: null, unknownKind: "toString" });
    expect(parseRequestListParams({ kind: "ip" }, false)).toMatchObject({ kind: null, unknownKind: "ip" });
  });

  it.each([["0"], ["-2"], ["1.5"], ["abc"], ["99999999999"], [""]])("takes page %j as page 1", (page) => {
    expect(parseRequestListParams({ page }, false).page).toBe(1);
  });

  it("takes the first of repeated parameters", () => {
    expect(parseRequestListParams({ page: ["2", "5"] }, false).page).toBe(2);
  });
});

describe("requestListHref", () => {
  it("keeps the filters on every page and leaves defaults out", () => {
    expect(requestListHref({ view: "mine", kind: "tenant-create", page: 2 })).toBe("/requests?view=mine&kind=tenant-create&page=2");
    expect(requestListHref({ view: "all", kind: null, page: 1 })).toBe("/requests?view=all");
  });

  it("round-trips through the parser", () => {
    const params = { view: "failed" as const, kind: "namespace-access" as const, page: 4 };
    const search = new URL(requestListHref(params), "https://portal.example").searchParams;
    expect(parseRequestListParams(Object.fromEntries(search), false)).toEqual({ ...params, unknownKind: null });
  });
});
