import { z } from "zod";
import { auditOutcomes } from "./audit-event";

/** The audit page's URL search parameters; anything malformed is ignored rather than an error page. */
const query = z.object({
  action: z.string().trim().regex(/^[a-z][a-z0-9_.]*$/).max(128).optional().catch(undefined),
  outcome: z.enum(auditOutcomes).optional().catch(undefined),
  correlation: z.string().trim().max(128).regex(/^[\w:.-]+$/).optional().catch(undefined),
  before: z.string().regex(/^\d{1,19}$/).optional().catch(undefined),
});

export type AuditQuery = { action?: string; outcome?: (typeof auditOutcomes)[number]; correlation?: string; before?: bigint };

export function parseAuditQuery(params: Record<string, string | string[] | undefined>): AuditQuery {
  const single = Object.fromEntries(Object.entries(params).map(([key, value]) => [key, Array.isArray(value) ? value[0] : value || undefined]));
  const parsed = query.parse(single);
  return { action: parsed.action, outcome: parsed.outcome, correlation: parsed.correlation, before: parsed.before ? BigInt(parsed.before) : undefined };
}
