import { expect, it } from "vitest";
import { targetView } from "./review-target";

const cluster = "/subscriptions/sub-1/resourcegroups/rg-dev/providers/microsoft.containerservice/managedclusters/aks-shared-dev";
const names = { requestNumbers: new Map([["req-uuid", 2]]), clusterNames: new Map([[cluster, "aks-shared-dev"]]), tenantNames: new Map([["t-1", "Payments"]]) };

it("shows a request as its number, linked to its page and to its timeline", () => {
  expect(targetView({ targetType: "change_request", targetId: "req-uuid", clusterId: cluster }, names)).toEqual({
    label: "Request #2",
    href: "/requests/2",
    timelineHref: "/audit?target=change_request%3Areq-uuid",
  });
});

it("shows a cluster by name, linked to its page, and a range with its cluster's IP ranges page", () => {
  expect(targetView({ targetType: "cluster", targetId: cluster, clusterId: cluster }, names)).toMatchObject({ label: "aks-shared-dev", href: "/clusters/sub-1/rg-dev/aks-shared-dev" });
  expect(targetView({ targetType: "authorized_ip_range", targetId: "203.0.113.7/32", clusterId: cluster }, names)).toEqual({
    label: "203.0.113.7/32 on aks-shared-dev",
    href: "/clusters/sub-1/rg-dev/aks-shared-dev/ip-ranges",
    timelineHref: `/audit?target=authorized_ip_range%3A203.0.113.7%2F32&cluster=${encodeURIComponent(cluster)}`,
  });
});

it("says so when a target has no id or is no longer on record", () => {
  expect(targetView({ targetType: null, targetId: null, clusterId: null }, names)).toEqual({ label: "—" });
  expect(targetView({ targetType: "audit_log", targetId: null, clusterId: null }, names)).toEqual({ label: "audit log" });
  expect(targetView({ targetType: "change_request", targetId: "gone", clusterId: null }, names).label).toBe("A request no longer on record");
});
