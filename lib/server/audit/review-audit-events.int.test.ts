import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import type { AuditOutcome } from "@/lib/audit/audit-event";
import type { Principal } from "@/lib/auth/policy";
import { db } from "@/lib/server/db/client";
import { recordAuditEvent } from "./append-audit-event";
import { prepareAuditReview } from "./prepare-audit-review";
import { reviewAuditEvents } from "./review-audit-events";

// Files share one database: every row here carries this run's own ids.
const run = randomUUID().slice(0, 8);
const tenantA = randomUUID();
const tenantB = randomUUID();
const leadA = randomUUID();
const leadB = randomUUID();
const admin = randomUUID();
const clusterA = `/subscriptions/${run}/resourcegroups/rg/providers/microsoft.containerservice/managedclusters/aks-a`;
const clusterB = `/subscriptions/${run}/resourcegroups/rg/providers/microsoft.containerservice/managedclusters/aks-b`;
const correlation = `review-${run}`;
const rangeOfA = "203.0.113.7/32";

const principalOf = (objectId: string, ownedTenantIds: string[], roles: Principal["roles"] = []): Principal => ({ objectId, roles, ownedTenantIds });

async function event(actor: string, action: string, target: { type: string; id: string; clusterId?: string; tenantId?: string }, outcome: AuditOutcome = "success", occurredAt?: Date) {
  return recordAuditEvent({ actor: { kind: "user", objectId: actor, upn: `${actor}@contoso.example` }, action, target, outcome, correlationId: correlation, occurredAt });
}

async function review(principal: Principal, params: Record<string, string>) {
  const prepared = await prepareAuditReview(principal, { correlation, ...params });
  if (!prepared.ok) throw new Error(JSON.stringify(prepared.errors));
  return (await reviewAuditEvents({ scope: prepared.scope, filters: prepared.filters, cursor: prepared.query.cursor ?? null, limit: 500 })).events;
}

const actionsOf = (events: Array<{ action: string }>) => events.map((item) => item.action);

beforeAll(async () => {
  await db().user.create({ data: { id: leadB, entraTenantId: "t", displayName: "Lead B", userPrincipalName: `Lead.B-${run}@Contoso.example`, lastSignInAt: new Date() } });
  await db().authorizedIpRange.create({ data: { clusterResourceId: clusterA, range: rangeOfA, reason: "office", addedByName: "Lead A", tenantId: tenantA } });
  await event(leadA, "request.created", { type: "change_request", id: `req-a-${run}`, clusterId: clusterA, tenantId: tenantA });
  await event(admin, "request.approved", { type: "change_request", id: `req-a-${run}`, clusterId: clusterA, tenantId: tenantA });
  await event(leadB, "request.created", { type: "change_request", id: `req-b-${run}`, clusterId: clusterB, tenantId: tenantB });
  await event(admin, "request.rejected", { type: "change_request", id: `req-b-${run}`, clusterId: clusterB, tenantId: tenantB }, "success");
  await event(admin, "cluster.authorized_ip_range.adopted", { type: "authorized_ip_range", id: rangeOfA, clusterId: clusterA });
  await event(admin, "cluster.authorized_ip_range.adopted", { type: "authorized_ip_range", id: "198.51.100.0/24", clusterId: clusterA });
  await event(leadA, "access.denied", { type: "tenant", id: tenantB }, "denied");
  await event(admin, "auth.sign_in", { type: "session", id: `s-${run}` }, "success", new Date("2020-01-02T10:00:00Z"));
});

describe("a team lead's scope, enforced in the query", () => {
  it("shows a lead their tenants' requests, decisions, owned ranges and own acts, nothing of another tenant", async () => {
    const events = await review(principalOf(leadA, [tenantA]), {});
    expect(actionsOf(events)).toEqual(["access.denied", "cluster.authorized_ip_range.adopted", "request.approved", "request.created"]);
    expect(events.find((item) => item.targetType === "authorized_ip_range")?.targetId).toBe(rangeOfA);
    expect(events.some((item) => item.tenantId === tenantB)).toBe(false);
  });

  it("applies a category to every part of a lead's scope: tenant, own acts and owned ranges", async () => {
    const lead = principalOf(leadA, [tenantA]);
    expect(actionsOf(await review(lead, { action: "request.*" }))).toEqual(["request.approved", "request.created"]);
    expect(actionsOf(await review(lead, { action: "access.*" }))).toEqual(["access.denied"]);
    const ranges = await review(lead, { action: "cluster.authorized_ip_range.*" });
    expect(ranges.map((item) => item.targetId)).toEqual([rangeOfA]);
  });

  it("shows an auditor everything", async () => {
    expect(await review(principalOf(`auditor-${run}`, [], ["auditor"]), {})).toHaveLength(8);
  });

  it("refuses a lead's filter on a tenant they do not own, with a message", async () => {
    const prepared = await prepareAuditReview(principalOf(leadA, [tenantA]), { tenant: tenantB });
    expect(prepared).toMatchObject({ ok: false, errors: { tenant: expect.stringMatching(/only the history of tenants you own/) } });
  });
});

describe("filters", () => {
  const auditor = principalOf(`auditor-${run}`, [], ["auditor"]);

  it("filters by person: object id or UPN in any case", async () => {
    expect(actionsOf(await review(auditor, { person: leadA }))).toEqual(["access.denied", "request.created"]);
    expect(actionsOf(await review(auditor, { person: `lead.b-${run}@contoso.EXAMPLE` }))).toEqual(["request.created"]);
  });

  it("filters by cluster, tenant, outcome and target", async () => {
    expect(await review(auditor, { cluster: clusterB })).toHaveLength(2);
    expect(actionsOf(await review(auditor, { tenant: tenantA }))).toEqual(["request.approved", "request.created"]);
    expect(actionsOf(await review(auditor, { outcome: "denied" }))).toEqual(["access.denied"]);
    expect(actionsOf(await review(auditor, { target: `change_request:req-b-${run}` }))).toEqual(["request.rejected", "request.created"]);
  });

  it("filters by exact action and by category prefix", async () => {
    expect(await review(auditor, { action: "request.created" })).toHaveLength(2);
    expect(actionsOf(await review(auditor, { action: "request.*" }))).toEqual(["request.rejected", "request.created", "request.approved", "request.created"]);
    expect(await review(auditor, { action: "cluster.authorized_ip_range.*" })).toHaveLength(2);
    expect(await review(auditor, { action: "request.c*" }).catch((error: Error) => error.message)).toMatch(/action/);
  });

  it("filters by time range, the end day included", async () => {
    expect(actionsOf(await review(auditor, { from: "2020-01-02", to: "2020-01-02" }))).toEqual(["auth.sign_in"]);
    expect(await review(auditor, { from: "2020-01-03", to: "2020-01-04" })).toEqual([]);
  });

  it("says which filter is invalid instead of dropping it", async () => {
    const prepared = await prepareAuditReview(auditor, { person: "not a person", cluster: "aks-a", outcome: "maybe", from: "2026-02-30", action: "DROP TABLE", cursor: "garbage" });
    expect(prepared.ok).toBe(false);
    if (prepared.ok) return;
    expect(Object.keys(prepared.errors).sort()).toEqual(["action", "cluster", "cursor", "from", "outcome", "person"]);
    const unknownPerson = await prepareAuditReview(auditor, { person: `nobody-${run}@contoso.example` });
    expect(unknownPerson).toMatchObject({ ok: false, errors: { person: expect.stringMatching(/Nobody with this user principal name/) } });
  });
});

describe("keyset paging", () => {
  it("pages without duplicates or gaps while events are appended", async () => {
    const pagingCorrelation = `paging-${run}`;
    const append = (index: number) => recordAuditEvent({ actor: { kind: "system" }, action: "test.paged", target: { type: "test", id: String(index), tenantId: tenantA }, outcome: "success", correlationId: pagingCorrelation });
    for (let index = 0; index < 25; index += 1) await append(index);
    const scope = { kind: "tenants", tenantIds: [tenantA], actorObjectId: leadA } as const;
    const seen: string[] = [];
    let cursor: bigint | null = null;
    let appended = 25;
    do {
      const page = await reviewAuditEvents({ scope, filters: { correlationId: pagingCorrelation }, cursor, limit: 4 });
      seen.push(...page.events.map((item) => item.targetId ?? ""));
      cursor = page.nextCursor;
      // Newer events land above the cursor: they must not shift the pages still to come.
      await append(appended);
      appended += 1;
    } while (cursor !== null);
    expect(seen).toEqual(Array.from({ length: 25 }, (_, index) => String(24 - index)));
  });
});
