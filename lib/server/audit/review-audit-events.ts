import "server-only";
import type { AuditEventRecord } from "@/lib/audit/audit-event";
import { type ReviewQuery, reviewTimeRange } from "@/lib/audit/review-query";
import type { AuditReviewScope } from "@/lib/auth/policy";
import { Prisma } from "@/lib/generated/prisma/client";
import { db } from "@/lib/server/db/client";

export type ReviewFilters = Omit<ReviewQuery, "person" | "cursor"> & {
  /** Resolved from the person filter: object ids (a UPN resolves to the users who signed in with it). */
  actorObjectIds?: readonly string[];
};

export type ReviewPage = { events: AuditEventRecord[]; nextCursor: bigint | null };

const columns = Prisma.sql`seq, occurred_at AS "occurredAt", actor_kind::text AS "actorKind", actor_object_id AS "actorObjectId",
  actor_name AS "actorName", actor_upn AS "actorUpn", action, target_type AS "targetType", target_id AS "targetId",
  cluster_id AS "clusterId", tenant_id AS "tenantId", outcome::text AS outcome, before, after, reason,
  correlation_id AS "correlationId", client_ip AS "clientIp", user_agent AS "userAgent", prev_hash AS "prevHash", hash`;

/**
 * Every action under a prefix. The distinct actions (a few dozen) are read by a loose index scan over
 * (action, seq): one index probe per action however many events there are. The prefix is matched
 * here rather than with LIKE, which a btree under a non-C collation cannot serve.
 */
async function actionsUnder(prefix: string, client: Prisma.TransactionClient): Promise<string[]> {
  const rows = await client.$queryRaw<Array<{ action: string }>>`
    WITH RECURSIVE found(action) AS (
      (SELECT action FROM audit_event ORDER BY action LIMIT 1)
      UNION ALL
      SELECT (SELECT action FROM audit_event WHERE action > found.action ORDER BY action LIMIT 1)
      FROM found WHERE found.action IS NOT NULL
    )
    SELECT action FROM found WHERE action IS NOT NULL`;
  return rows.map((row) => row.action).filter((action) => action.startsWith(prefix));
}

/**
 * The ways an event can belong to the reader's scope, each an equality an index answers in seq
 * order. A lead's scope is an OR of them; OR-ing in one WHERE would make PostgreSQL read every
 * matching row and sort, so each becomes its own `ORDER BY seq DESC LIMIT n` branch (below).
 */
async function scopeBranches(scope: AuditReviewScope, client: Prisma.TransactionClient): Promise<ScopeBranch[]> {
  if (scope.kind === "all") return [{ condition: Prisma.sql`TRUE`, splitByAction: true }];
  // Ranges a tenant's request added: their adoption, expiry and removal events carry no tenant. One
  // branch per range, served by (target_type, target_id, seq); a semi-join made PostgreSQL walk seq.
  const ranges = await client.authorizedIpRange.findMany({ where: { tenantId: { in: [...scope.tenantIds] } }, select: { clusterResourceId: true, range: true } });
  return [
    // (tenant_id, action, seq) serves a tenant × action branch directly.
    ...scope.tenantIds.map((tenantId) => ({ condition: Prisma.sql`tenant_id = ${tenantId}`, splitByAction: true })),
    // One person's or one range's events are few: filtering their actions beats a branch per action.
    { condition: Prisma.sql`actor_object_id = ${scope.actorObjectId}`, splitByAction: false },
    ...ranges.map((range) => ({
      condition: Prisma.sql`target_type = 'authorized_ip_range' AND target_id = ${range.range} AND cluster_id = ${range.clusterResourceId}`,
      splitByAction: false,
    })),
  ];
}

type ScopeBranch = { condition: Prisma.Sql; splitByAction: boolean };

function filterConditions(filters: ReviewFilters, cursor: bigint | null): Prisma.Sql[] {
  const { from, to } = reviewTimeRange(filters);
  const conditions: Prisma.Sql[] = [];
  if (cursor !== null) conditions.push(Prisma.sql`seq < ${cursor}`);
  if (filters.clusterId) conditions.push(Prisma.sql`cluster_id = ${filters.clusterId}`);
  if (filters.tenantId) conditions.push(Prisma.sql`tenant_id = ${filters.tenantId}`);
  if (filters.outcome) conditions.push(Prisma.sql`outcome = ${filters.outcome}::audit_outcome`);
  if (filters.correlationId) conditions.push(Prisma.sql`correlation_id = ${filters.correlationId}`);
  if (filters.target) conditions.push(Prisma.sql`target_type = ${filters.target.type} AND target_id = ${filters.target.id}`);
  if (from) conditions.push(Prisma.sql`occurred_at >= ${from}`);
  if (to) conditions.push(Prisma.sql`occurred_at < ${to}`);
  return conditions;
}

/** A range of at most 31 days: reading all of it through the occurred_at index and sorting is cheap. */
function narrowTimeRange(filters: ReviewFilters): boolean {
  const { from, to } = reviewTimeRange(filters);
  return from !== undefined && to !== undefined && to.getTime() - from.getTime() <= 31 * 24 * 60 * 60 * 1000;
}

/**
 * The WHERE clause of every branch: scope branches × actions × people, each an equality an index
 * answers in seq order. None when the filters can match nothing (a category without actions).
 */
async function branchConditions(scope: AuditReviewScope, filters: ReviewFilters, cursor: bigint | null, client: Prisma.TransactionClient): Promise<Prisma.Sql[]> {
  const actions: Array<string | null> = filters.action === undefined ? [null] : "exact" in filters.action ? [filters.action.exact] : await actionsUnder(filters.action.prefix, client);
  const actors = filters.actorObjectIds === undefined ? [null] : [...filters.actorObjectIds];
  if (actions.length === 0 || actors.length === 0) return [];
  const common = filterConditions(filters, cursor);
  const namedActions = actions.filter((action): action is string => action !== null);
  const anyAction = namedActions.length === 0 ? null : Prisma.sql`action = ANY(${namedActions}::text[])`;
  const wheres: Prisma.Sql[] = [];
  for (const branch of await scopeBranches(scope, client)) {
    for (const action of branch.splitByAction ? actions : [null]) {
      for (const actor of actors) {
        const conditions = [branch.condition, ...common];
        if (action !== null) conditions.push(Prisma.sql`action = ${action}`);
        else if (!branch.splitByAction && anyAction !== null) conditions.push(anyAction);
        if (actor !== null) conditions.push(Prisma.sql`actor_object_id = ${actor}`);
        wheres.push(Prisma.join(conditions, " AND "));
      }
    }
  }
  return wheres;
}

/**
 * One page of the events `scope` may read, newest first, continuing below `cursor` (keyset: stable
 * while events are appended, no OFFSET). Alternatives (scope branches × actions × people) are
 * separate index-ordered branches merged and cut to the page; each returns at most a page.
 */
export async function reviewAuditEvents(
  { scope, filters = {}, cursor = null, limit = 50 }: { scope: AuditReviewScope; filters?: ReviewFilters; cursor?: bigint | null; limit?: number },
  client: Prisma.TransactionClient = db(),
): Promise<ReviewPage> {
  const take = Math.min(Math.max(Math.trunc(limit), 1), 1000);
  const wheres = await branchConditions(scope, filters, cursor, client);
  if (wheres.length === 0) return { events: [], nextCursor: null };
  const narrow = narrowTimeRange(filters);
  if (wheres.length === 1 && !narrow) {
    const rows = await client.$queryRaw<AuditEventRecord[]>`SELECT ${columns} FROM audit_event WHERE ${wheres[0]} ORDER BY seq DESC LIMIT ${take + 1}`;
    return pageOf(rows, take);
  }
  // Branches pick seqs only, mostly by index-only scans of their (column, seq) index; whole rows are
  // read for the page alone, by primary key.
  const branches = wheres.map((where) =>
    narrow
      ? // OFFSET 0 fences the subquery: otherwise PostgreSQL walks seq down from the newest event
        // and filters by time, which reads every later event to reach an old week. The fenced part
        // picks seqs from the (occurred_at, seq) index.
        Prisma.sql`(SELECT seq FROM (SELECT seq FROM audit_event WHERE ${where} OFFSET 0) AS fenced ORDER BY seq DESC LIMIT ${take + 1})`
      : Prisma.sql`(SELECT seq FROM audit_event WHERE ${where} ORDER BY seq DESC LIMIT ${take + 1})`,
  );
  const rows = await client.$queryRaw<AuditEventRecord[]>`
    SELECT ${columns} FROM audit_event WHERE seq IN (
      SELECT seq FROM (${Prisma.join(branches, " UNION ")}) AS merged ORDER BY seq DESC LIMIT ${take + 1}
    ) ORDER BY seq DESC`;
  return pageOf(rows, take);
}

function pageOf(rows: AuditEventRecord[], take: number): ReviewPage {
  const events = rows.slice(0, take);
  return { events, nextCursor: rows.length > take ? (events.at(-1)?.seq ?? null) : null };
}

/**
 * Every event `scope` may read that matches, newest first, below `cursor`, as one query for a
 * server-side cursor (the export): no LIMIT, so the branches are merged by seq (a semi-join) rather
 * than cut to a page. The columns are those of `AuditEventRecord`, in the export's order, unless `select`
 * names others (the export's preformatted lines, export-line-sql.ts). Null when nothing can match.
 */
export async function reviewExportQuery(
  { scope, filters, cursor, select = columns }: { scope: AuditReviewScope; filters: ReviewFilters; cursor: bigint; select?: Prisma.Sql },
  client: Prisma.TransactionClient = db(),
): Promise<Prisma.Sql | null> {
  const wheres = await branchConditions(scope, filters, cursor, client);
  if (wheres.length === 0) return null;
  if (wheres.length === 1) return Prisma.sql`SELECT ${select} FROM audit_event WHERE ${wheres[0]} ORDER BY seq DESC`;
  const seqs = Prisma.join(wheres.map((where) => Prisma.sql`SELECT seq FROM audit_event WHERE ${where}`), " UNION ALL ");
  return Prisma.sql`SELECT ${select} FROM audit_event WHERE seq IN (${seqs}) ORDER BY seq DESC`;
}

/** The person filter as actor object ids: a UPN matches the users who signed in with it (any case). */
export async function actorObjectIdsOf(person: NonNullable<ReviewQuery["person"]>, client: Prisma.TransactionClient = db()): Promise<string[]> {
  if ("objectId" in person) return [person.objectId];
  const users = await client.user.findMany({ where: { userPrincipalName: { equals: person.upn, mode: "insensitive" } }, select: { id: true } });
  return users.map((user) => user.id);
}
