import "server-only";
import { type ReviewField, type ReviewQuery, parseReviewQuery } from "@/lib/audit/review-query";
import { type AuditReviewScope, type Principal, auditReviewScope } from "@/lib/auth/policy";
import { type ReviewFilters, actorObjectIdsOf } from "./review-audit-events";

export type PreparedAuditReview =
  | { ok: true; scope: AuditReviewScope; query: ReviewQuery; filters: ReviewFilters }
  | { ok: false; query: ReviewQuery; errors: Partial<Record<ReviewField, string>> };

/**
 * The audit page's and the export's shared first step: the URL's filters parsed strictly and checked
 * against what the reader may see, then resolved for the query. Callers have already authorized
 * `audit.view` / `audit.export`; the scope here is what makes a lead's query their tenants' only.
 */
export async function prepareAuditReview(principal: Principal, params: Record<string, string | string[] | undefined>): Promise<PreparedAuditReview> {
  const scope = auditReviewScope(principal);
  const parsed = parseReviewQuery(params);
  if (scope === null) return { ok: false, query: parsed.query, errors: { tenant: "You may not read the audit log." } };
  if (!parsed.ok) return parsed;
  const { query } = parsed;
  if (scope.kind === "tenants" && query.tenantId !== undefined && !scope.tenantIds.includes(query.tenantId)) {
    return { ok: false, query, errors: { tenant: "You can review only the history of tenants you own." } };
  }
  const { person, cursor: _cursor, ...rest } = query;
  const filters: ReviewFilters = { ...rest };
  if (person !== undefined) {
    const actorObjectIds = await actorObjectIdsOf(person);
    if (actorObjectIds.length === 0) return { ok: false, query, errors: { person: "Nobody with this user principal name has signed in to Clusterdesk; try their object id." } };
    filters.actorObjectIds = actorObjectIds;
  }
  return { ok: true, scope, query, filters };
}
