import { describe, expect, it } from "vitest";
import { defaultListQuery, listQueryToParams, parseListQuery } from "./inventory-query";

describe("parseListQuery", () => {
  it("gives the defaults for no parameters", () => {
    expect(parseListQuery({})).toEqual(defaultListQuery);
  });

  it("reads every filter, the sort and the page", () => {
    const query = parseListQuery({
      q: "  payments ", subscription: "0B1F6471-AAAA", location: "westeurope", version: "1.31",
      exposure: "open", posture: "high", sort: "score", dir: "desc", page: "3", size: "100",
    });
    expect(query).toEqual({
      search: "payments", subscriptionId: "0b1f6471-aaaa", location: "westeurope", kubernetesVersion: "1.31",
      exposure: "open", posture: "high", sort: "score", direction: "desc", page: 3, pageSize: 100,
    });
  });

  it("falls back to defaults for malformed values instead of failing", () => {
    const query = parseListQuery({ exposure: "wide", posture: "terrible", sort: "colour", dir: "up", page: "-2", size: "7" });
    expect(query).toEqual(defaultListQuery);
  });

  it("takes the first of repeated parameters", () => {
    expect(parseListQuery({ exposure: ["private", "open"] }).exposure).toBe("private");
  });

  it("sorts findings worst-first by default", () => {
    expect(parseListQuery({ sort: "findings" }).direction).toBe("desc");
  });
});

describe("listQueryToParams", () => {
  it("round-trips and leaves defaults out", () => {
    expect(listQueryToParams(defaultListQuery).toString()).toBe("");
    const query = parseListQuery({ q: "dev", exposure: "authorized-ranges", sort: "findings", page: "2" });
    const params = listQueryToParams(query);
    expect(params.toString()).toBe("q=dev&exposure=authorized-ranges&sort=findings&page=2");
    expect(parseListQuery(Object.fromEntries(params))).toEqual(query);
  });
});
