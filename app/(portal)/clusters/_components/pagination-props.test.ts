import { describe, expect, it } from "vitest";
import { defaultListQuery } from "@/lib/clusters/inventory-query";
import { clusterFilterProps } from "./cluster-filter-props";
import { paginationProps } from "./pagination-props";

describe("the list's paging, as the client component gets it", () => {
  it("links both ways from a middle page and keeps the filters in the links", () => {
    const props = paginationProps({ ...defaultListQuery, exposure: "open", sort: "findings", direction: "desc", page: 3 }, 6667);
    expect(props.summary).toBe("Showing 101–150 of 6667 clusters");
    expect(props.label).toBe("Page 3 of 134");
    expect(props.back).toEqual([expect.stringMatching(/^\/clusters\?.*page=2/), "Previous"]);
    expect(props.back?.[0]).toContain("exposure=open");
    expect(props.next).toMatch(/^\/clusters\?.*exposure=open.*page=4|^\/clusters\?.*page=4.*exposure=open/);
  });

  it("has no previous link on the first page and no next link on the last", () => {
    expect(paginationProps(defaultListQuery, 20)).toEqual({ summary: "Showing 1–20 of 20 clusters", label: "Page 1 of 1" });
  });

  it("offers the last page from beyond the end", () => {
    expect(paginationProps({ ...defaultListQuery, page: 9 }, 120).back).toEqual(["/clusters?page=3", "Last page"]);
  });
});

describe("the filters, as the client component gets them", () => {
  const facets = { locations: ["eastus"], versions: ["1.31"] };
  const subscriptions = (count: number) => Array.from({ length: count }, (_, index) => ({ id: `sub-${index}`, name: index === 0 ? null : `Subscription ${index}` }));

  it("list up to 50 subscriptions by name (by ID when unnamed), and only their count beyond", () => {
    expect(clusterFilterProps(defaultListQuery, { ...facets, subscriptions: subscriptions(2) }).facets.subscriptions).toEqual([["sub-0", "sub-0"], ["sub-1", "Subscription 1"]]);
    expect(clusterFilterProps(defaultListQuery, { ...facets, subscriptions: subscriptions(1000) }).facets.subscriptions).toBe(1000);
  });

  it("carry the current values, and the sort only when it is not the default", () => {
    const query = { ...defaultListQuery, search: "pay", location: "eastus", posture: "high" as const, sort: "score" as const };
    expect(clusterFilterProps(query, { ...facets, subscriptions: [] }).values).toEqual({ search: "pay", subscriptionId: "", location: "eastus", version: "", exposure: "", posture: "high", sort: "score" });
    expect(clusterFilterProps(defaultListQuery, { ...facets, subscriptions: [] }).values).not.toHaveProperty("sort");
  });
});
