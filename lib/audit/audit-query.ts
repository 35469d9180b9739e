import { z } from "zod";
import { auditOutcomes } from "./audit-event";

/** The audit page's URL search parameters; anything malformed is ignored rather than an error page. */
const query = z.object({
  action: z.string().trim().regex(/^[a-z][a-z0-9_.]*$/).max(128).optional().catch(undefined),
  outcome: z.enum(auditOutcomes).optional().catch(undefined),
  correlation: z.string().trim().max(128).regex(/^[\w:.-]+$/).optional().catch(undefined),
  before: z.string().regex(/^\d{1,19}$/).optional().catch(undefined),
  from: z.iso.date().optional().catch(undefined),
  to: z.iso.date().optional().catch(undefined),
  tenant: z.uuid().optional().catch(undefined),
});

export type AuditQuery = {
  action?: string;
  outcome?: (typeof auditOutcomes)[number];
  correlation?: string;
  before?: bigint;
  /** Days in UTC, as typed (YYYY-MM-DD); `to` is inclusive. */
  from?: string;
  to?: string;
  tenant?: string;
};

/** The query's time range as instants: from the start of `from` to the end of `to` (UTC). */
export function auditTimeRange(query: Pick<AuditQuery, "from" | "to">): { from?: Date; to?: Date } {
  const from = query.from ? new Date(`${query.from}T00:00:00.000Z`) : undefined;
  const to = query.to ? new Date(new Date(`${query.to}T00:00:00.000Z`).getTime() + 24 * 60 * 60 * 1000) : undefined;
  return { from, to };
}

/** The query as URL search parameters (without the page cursor), for links that keep the filters. */
export function auditQueryParams(query: AuditQuery): URLSearchParams {
  const entries = Object.entries({ action: query.action, outcome: query.outcome, correlation: query.correlation, from: query.from, to: query.to, tenant: query.tenant });
  return new URLSearchParams(entries.filter((entry): entry is [string, string] => Boolean(entry[1])));
}

export function parseAuditQuery(params: Record<string, string | string[] | undefined>): AuditQuery {
  const single = Object.fromEntries(Object.entries(params).map(([key, value]) => [key, Array.isArray(value) ? value[0] : value || undefined]));
  const parsed = query.parse(single);
  return {
    action: parsed.action,
    outcome: parsed.outcome,
    correlation: parsed.correlation,
    before: parsed.before ? BigInt(parsed.before) : undefined,
    from: parsed.from,
    to: parsed.to,
    tenant: parsed.tenant,
  };
}
