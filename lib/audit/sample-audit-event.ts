import type { AuditEventContent } from "./audit-hash";

/** A realistic event for tests. */
export const sampleContent: AuditEventContent = {
  occurredAt: new Date(Date.UTC(2026, 10, 26, 9, 30, 0, 125)),
  actorKind: "user",
  actorObjectId: "0f2c1a9e-5d7b-4c1e-9a0b-8c6d4e2f1a3b",
  actorName: "Ada Admin",
  actorUpn: "ada@contoso.example",
  action: "cluster.authorized_ip_ranges.changed",
  targetType: "cluster",
  targetId: "aks-prod-weu",
  clusterId: "/subscriptions/s/resourceGroups/rg/providers/Microsoft.ContainerService/managedClusters/aks-prod-weu",
  tenantId: "payments",
  outcome: "success",
  before: { ranges: ["198.51.100.0/24"] },
  after: { ranges: ["198.51.100.0/24", "203.0.113.7/32"] },
  reason: "VPN egress",
  correlationId: "c0ffee00-0000-4000-8000-000000000001",
  clientIp: "203.0.113.7",
  userAgent: "Mozilla/5.0",
};
