import { describe, expect, it } from "vitest";
import { parseListQuery } from "@/lib/clusters/inventory-query";
import { inventoryOrderBy, inventoryWhere, likeLiteral } from "./inventory-where";

describe("inventoryWhere", () => {
  it("is empty for an admin without filters", () => {
    expect(inventoryWhere({ all: true }, parseListQuery({}))).toEqual({});
  });

  it("always restricts a team lead to their clusters, even with filters from the URL", () => {
    const where = inventoryWhere({ all: false, clusterKeys: ["k1"] }, parseListQuery({ exposure: "open" }));
    expect(where).toEqual({ AND: [{ key: { in: ["k1"] } }, { exposure: "open" }] });
  });

  it("gives a lead without tenants an empty key list (no clusters), not everything", () => {
    expect(inventoryWhere({ all: false, clusterKeys: [] }, parseListQuery({}))).toEqual({ AND: [{ key: { in: [] } }] });
  });

  it("turns every filter into a condition", () => {
    const query = parseListQuery({ q: "pay", subscription: "SUB", location: "westeurope", version: "1.31", exposure: "authorized-ranges", posture: "high" });
    expect(inventoryWhere({ all: true }, query)).toEqual({
      AND: [
        { OR: [{ name: { contains: "pay", mode: "insensitive" } }, { resourceGroup: { contains: "pay", mode: "insensitive" } }] },
        { subscriptionId: "sub" },
        { location: "westeurope" },
        { kubernetesVersion: { startsWith: "1.31" } },
        { exposure: "authorized_ranges" },
        { failingHigh: { gt: 0 } },
      ],
    });
  });

  it("leaves one facet's own filter out when counting that facet's options", () => {
    const query = parseListQuery({ location: "westeurope", exposure: "open" });
    expect(inventoryWhere({ all: true }, query, "location")).toEqual({ AND: [{ exposure: "open" }] });
  });

  it("filters clean clusters as those failing nothing", () => {
    expect(inventoryWhere({ all: true }, parseListQuery({ posture: "clean" }))).toEqual({ AND: [{ failingHigh: 0, failingMedium: 0, failingLow: 0 }] });
  });
});

describe("inventoryOrderBy", () => {
  it("breaks ties by key so paging is stable", () => {
    expect(inventoryOrderBy(parseListQuery({ sort: "score", dir: "desc" }))).toEqual([{ postureScore: "desc" }, { name: "asc" }, { key: "asc" }]);
    expect(inventoryOrderBy(parseListQuery({})).at(-1)).toEqual({ key: "asc" });
  });
});

describe("likeLiteral", () => {
  it("escapes LIKE's wildcards and its escape character", () => {
    expect(likeLiteral("pay_ments 100% \\x")).toBe("pay\\_ments 100\\% \\\\x");
    expect(likeLiteral("plain-name")).toBe("plain-name");
  });

  it("is applied to the search and the version filter", () => {
    const where = inventoryWhere({ all: true }, parseListQuery({ q: "a_b", version: "1.3%" }));
    expect(where).toEqual({
      AND: [
        { OR: [{ name: { contains: "a\\_b", mode: "insensitive" } }, { resourceGroup: { contains: "a\\_b", mode: "insensitive" } }] },
        { kubernetesVersion: { startsWith: "1.3\\%" } },
      ],
    });
  });
});
