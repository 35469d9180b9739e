import "server-only";
import { z } from "zod";
import type { Principal, Resource } from "@/lib/auth/policy";
import { parseClusterResourceId } from "@/lib/clusters/resource-id";
import type { Prisma } from "@/lib/generated/prisma/client";
import { type AuthorizedIpRangeChangePayload, authorizedIpRangeChangePayload, namespaceAccessExtensionPayload, namespaceAccessPayload, type RequestKind, tenantCreatePayload, tenantEnvironmentPayload, tenantOffboardingPayload } from "@/lib/requests/kinds";
import { describeAccessChange, describeAccessExtension } from "@/lib/access/describe-change";
import { describeFoundAccessChange } from "@/lib/access/found-access";
import { namespaceAccessAdoptionPayload } from "@/lib/requests/kinds";
import { type RequestView, requestKindLabel, viewStatuses } from "@/lib/requests/presentation";
import { isTerminal, type RequestStatus, requestStatuses } from "@/lib/requests/state-machine";
import { type TimelineEntry, timelineOf } from "@/lib/requests/timeline";
import { describeEnvironmentRequest } from "@/lib/tenants/describe-request";
import { describeOffboarding, describeTenantCreation } from "@/lib/tenants/describe-lifecycle-request";
import { listAuditEvents } from "@/lib/server/audit/list-audit-events";
import { db } from "@/lib/server/db/client";
import { rangeOwnersOn } from "@/lib/server/network/range-owners";

export type RequestPolicyResource = Extract<Resource, { kind: "request" }>;

export type ChangeRequestSummary = {
  id: string;
  number: number;
  kind: string;
  kindLabel: string;
  status: RequestStatus;
  cluster: { resourceId: string; name: string; resourceGroup: string } | null;
  tenant: { id: string; name: string } | null;
  requester: { id: string; name: string; upn: string | null };
  createdAt: Date;
};

export type ChangeRequestPage = { items: ChangeRequestSummary[]; total: number; page: number; pageSize: number; pageCount: number };

export type ChangeRequestListQuery = { view: RequestView; kind?: RequestKind; page?: number; pageSize?: number };

/**
 * Which requests a principal may see, as a database filter. It mirrors `request.view` in
 * lib/auth/policy.ts (admins and auditors: all; others: their own and their tenants'); the
 * integration test checks the two agree on every request it creates.
 */
export function visibleRequestsWhere(principal: Principal): Prisma.ChangeRequestWhereInput {
  if (principal.roles.includes("admin") || principal.roles.includes("auditor")) return {};
  return { OR: [{ requesterId: principal.objectId }, { tenantId: { in: [...principal.ownedTenantIds] } }] };
}

/** The admins' queue: pending requests they may decide on, i.e. not their own (four-eyes). */
function inboxWhere(principal: Principal): Prisma.ChangeRequestWhereInput {
  if (!principal.roles.includes("admin")) return { id: { in: [] } };
  return { status: "pending", requesterId: { not: principal.objectId } };
}

function viewWhere(principal: Principal, view: RequestView): Prisma.ChangeRequestWhereInput {
  if (view === "inbox") return inboxWhere(principal);
  if (view === "mine") return { requesterId: principal.objectId };
  const statuses = viewStatuses[view];
  return statuses ? { status: { in: [...statuses] } } : {};
}

const summarySelect = {
  id: true,
  number: true,
  kind: true,
  status: true,
  clusterResourceId: true,
  tenantId: true,
  requesterId: true,
  requesterName: true,
  requesterUpn: true,
  createdAt: true,
} satisfies Prisma.ChangeRequestSelect;

type SummaryRow = Prisma.ChangeRequestGetPayload<{ select: typeof summarySelect }>;

function clusterOf(resourceId: string | null): ChangeRequestSummary["cluster"] {
  if (!resourceId) return null;
  const parsed = parseClusterResourceId(resourceId);
  return { resourceId, name: parsed?.name ?? resourceId, resourceGroup: parsed?.resourceGroup ?? "" };
}

async function tenantNames(ids: readonly (string | null)[]): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((id): id is string => id !== null))];
  if (wanted.length === 0) return new Map();
  const tenants = await db().tenant.findMany({ where: { id: { in: wanted } }, select: { id: true, displayName: true } });
  return new Map(tenants.map((tenant) => [tenant.id, tenant.displayName]));
}

function toSummary(row: SummaryRow, names: Map<string, string>): ChangeRequestSummary {
  return {
    id: row.id,
    number: row.number,
    kind: row.kind,
    kindLabel: requestKindLabel(row.kind),
    status: row.status,
    cluster: clusterOf(row.clusterResourceId),
    // A tenant that was removed since keeps its id visible rather than vanishing from the request.
    tenant: row.tenantId ? { id: row.tenantId, name: names.get(row.tenantId) ?? row.tenantId } : null,
    requester: { id: row.requesterId, name: row.requesterName, upn: row.requesterUpn },
    createdAt: row.createdAt,
  };
}

/** The deepest page offered: offsets stay bounded (a request list this long wants a filter, not page 10,001). */
export const maxRequestListPage = 10_000;

/**
 * One page of the requests `principal` may see, newest first. Pages are 1-based; a page past the end
 * (an old link, `?page=99`) comes back empty with its own number, so the page can say so
 * (lib/format/page-position.ts) instead of showing the last page under another number.
 */
export async function listChangeRequests(principal: Principal, query: ChangeRequestListQuery): Promise<ChangeRequestPage> {
  const pageSize = Math.min(Math.max(Math.trunc(query.pageSize ?? 25), 1), 100);
  const where: Prisma.ChangeRequestWhereInput = {
    AND: [visibleRequestsWhere(principal), viewWhere(principal, query.view), query.kind ? { kind: query.kind } : {}],
  };
  const total = await db().changeRequest.count({ where });
  const pageCount = Math.max(1, Math.ceil(total / pageSize));
  const page = Math.min(Math.max(Math.trunc(query.page ?? 1), 1), maxRequestListPage);
  if (page > pageCount) return { items: [], total, page, pageSize, pageCount };
  const rows = await db().changeRequest.findMany({
    where,
    select: summarySelect,
    orderBy: [{ createdAt: "desc" }, { number: "desc" }],
    skip: (page - 1) * pageSize,
    take: pageSize,
  });
  const names = await tenantNames(rows.map((row) => row.tenantId));
  return { items: rows.map((row) => toSummary(row, names)), total, page, pageSize, pageCount };
}

/** How many visible requests are in each status, for the tabs' counts. */
export async function countChangeRequestsByStatus(principal: Principal): Promise<Record<RequestStatus, number>> {
  const groups = await db().changeRequest.groupBy({ by: ["status"], where: visibleRequestsWhere(principal), _count: { _all: true } });
  const counts = Object.fromEntries(requestStatuses.map((status) => [status, 0])) as Record<RequestStatus, number>;
  for (const group of groups) counts[group.status] = group._count._all;
  return counts;
}

/** The inbox badge: pending requests awaiting this principal's decision (0 for non-admins). */
export async function countAwaitingDecision(principal: Principal): Promise<number> {
  if (!principal.roles.includes("admin")) return 0;
  return db().changeRequest.count({ where: inboxWhere(principal) });
}

const progressSchema = z.object({
  phase: z.string(),
  message: z.string(),
  operation: z.object({ status: z.string() }).loose().optional(),
  at: z.string().optional(),
});

export type RequestProgress = { phase: string; message: string; operationStatus: string | null; at: Date | null };

/** What the request changes, per kind; `unrecognized` keeps a payload this version cannot read visible. */
export type RequestChange =
  | ({ kind: "authorized-ip-ranges" } & AuthorizedIpRangeChangePayload)
  | { kind: "namespace-access"; description: string }
  | { kind: "tenant-environment"; description: string }
  | { kind: "unrecognized"; json: string };

export type ChangeRequestDetail = ChangeRequestSummary & {
  justification: string;
  decideBy: Date | null;
  decision: { byId: string | null; byName: string | null; at: Date | null; comment: string | null } | null;
  /** For the link to the tenant's page; null without a tenant or when it was removed. */
  tenantSlug: string | null;
  attempts: number;
  progress: RequestProgress | null;
  lastError: string | null;
  appliedAt: Date | null;
  updatedAt: Date;
  correlationId: string;
  change: RequestChange;
  /** What the requester was warned about when asking, shown to the approver as it was shown then. */
  warnings: string[];
  /**
   * Who owns each range the request removes, as Clusterdesk records it now (so only while the
   * request is open): the owning tenant's name, or null for a range found on the cluster or adopted.
   */
  rangeOwners: RangeOwner[];
  timeline: TimelineEntry[];
  /** What `decide()` needs, built from the stored row. */
  policyResource: RequestPolicyResource;
};

export type RangeOwner = { range: string; owner: string | null; source: "clusterdesk" | "found-on-cluster" };

async function rangeOwnersOf(change: RequestChange, clusterResourceId: string | null, status: RequestStatus): Promise<RangeOwner[]> {
  if (change.kind !== "authorized-ip-ranges" || !clusterResourceId || isTerminal(status)) return [];
  const owners = await rangeOwnersOn(clusterResourceId, change.remove);
  return owners.map((owner) => ({ range: owner.range, owner: owner.tenant?.name ?? null, source: owner.source }));
}

function changeOf(kind: string, payload: Prisma.JsonValue): RequestChange {
  if (kind === "authorized-ip-ranges") {
    const parsed = authorizedIpRangeChangePayload.safeParse(payload);
    if (parsed.success) return { kind, ...parsed.data };
  }
  if (kind === "namespace-access") {
    const parsed = namespaceAccessPayload.safeParse(payload);
    if (parsed.success) return { kind, description: describeAccessChange(parsed.data) };
  }
  if (kind === "namespace-access-extension") {
    // Shown like any access change: one sentence for the approver.
    const parsed = namespaceAccessExtensionPayload.safeParse(payload);
    if (parsed.success) return { kind: "namespace-access", description: describeAccessExtension(parsed.data) };
  }
  if (kind === "namespace-access-adoption" || kind === "found-access-revocation") {
    // Shown like any access change: one sentence for the approver.
    const parsed = namespaceAccessAdoptionPayload.safeParse(payload);
    if (parsed.success) return { kind: "namespace-access", description: describeFoundAccessChange(kind === "namespace-access-adoption" ? "adopt" : "revoke", parsed.data.entry) };
  }
  if (kind === "tenant-environment") {
    const parsed = tenantEnvironmentPayload.safeParse(payload);
    if (parsed.success) return { kind, description: describeEnvironmentRequest(parsed.data) };
  }
  if (kind === "tenant-create" || kind === "tenant-offboarding") {
    // Shown like an access change: the description says everything the approver decides on.
    const created = kind === "tenant-create" ? tenantCreatePayload.safeParse(payload) : null;
    if (created?.success) return { kind: "namespace-access", description: describeTenantCreation(created.data) };
    const offboarding = kind === "tenant-offboarding" ? tenantOffboardingPayload.safeParse(payload) : null;
    if (offboarding?.success) return { kind: "namespace-access", description: describeOffboarding(offboarding.data) };
  }
  return { kind: "unrecognized", json: JSON.stringify(payload, null, 2) };
}

function progressOf(value: Prisma.JsonValue | null): RequestProgress | null {
  const parsed = progressSchema.safeParse(value);
  if (!parsed.success) return null;
  const at = parsed.data.at ? new Date(parsed.data.at) : null;
  return {
    phase: parsed.data.phase,
    message: parsed.data.message,
    operationStatus: parsed.data.operation?.status ?? null,
    at: at && !Number.isNaN(at.getTime()) ? at : null,
  };
}

/**
 * What the request page needs before its loading boundary: enough to answer 404 or 403 and to title
 * the page. One row, no audit read: the timeline (`findChangeRequestByNumber`) streams after.
 */
export async function findChangeRequestHeading(number: number): Promise<{ number: number; kindLabel: string; clusterName: string | null; policyResource: RequestPolicyResource } | null> {
  if (!Number.isSafeInteger(number) || number < 1 || number > 2_147_483_647) return null;
  const row = await db().changeRequest.findUnique({ where: { number }, select: { number: true, kind: true, clusterResourceId: true, requesterId: true, tenantId: true, status: true } });
  if (!row) return null;
  return {
    number: row.number,
    kindLabel: requestKindLabel(row.kind),
    clusterName: clusterOf(row.clusterResourceId)?.name ?? null,
    policyResource: { kind: "request", requesterId: row.requesterId, tenantId: row.tenantId, status: row.status },
  };
}

/**
 * One request with its timeline, or null. Does not check visibility: the caller authorizes
 * `request.view` against `policyResource` (pages through `authorizePage`).
 */
export async function findChangeRequestByNumber(number: number): Promise<ChangeRequestDetail | null> {
  if (!Number.isSafeInteger(number) || number < 1 || number > 2_147_483_647) return null;
  const row = await db().changeRequest.findUnique({ where: { number } });
  if (!row) return null;
  const change = changeOf(row.kind, row.payload);
  const [names, audit, rangeOwners, tenant] = await Promise.all([
    tenantNames([row.tenantId]),
    listAuditEvents({ filters: { target: { type: "change_request", id: row.id } }, limit: 500 }),
    rangeOwnersOf(change, row.clusterResourceId, row.status),
    row.tenantId ? db().tenant.findUnique({ where: { id: row.tenantId }, select: { slug: true } }) : null,
  ]);
  return {
    ...toSummary(row, names),
    justification: row.justification,
    decideBy: row.decideBy,
    decision: row.decidedAt || row.decidedByName ? { byId: row.decidedById, byName: row.decidedByName, at: row.decidedAt, comment: row.decisionComment } : null,
    tenantSlug: tenant?.slug ?? null,
    attempts: row.attempts,
    progress: progressOf(row.progress),
    lastError: row.lastError,
    appliedAt: row.appliedAt,
    updatedAt: row.updatedAt,
    correlationId: row.correlationId,
    change,
    warnings: row.warnings,
    rangeOwners,
    timeline: timelineOf(audit.events),
    policyResource: { kind: "request", requesterId: row.requesterId, tenantId: row.tenantId, status: row.status },
  };
}

/** For server actions: the request's id, number and policy resource, looked up on the server. */
export async function findChangeRequestResource(id: string): Promise<{ id: string; number: number; resource: RequestPolicyResource } | null> {
  const row = await db().changeRequest.findUnique({ where: { id }, select: { id: true, number: true, requesterId: true, tenantId: true, status: true } });
  if (!row) return null;
  return { id: row.id, number: row.number, resource: { kind: "request", requesterId: row.requesterId, tenantId: row.tenantId, status: row.status } };
}
