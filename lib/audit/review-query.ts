import { auditOutcomes, type AuditOutcome } from "./audit-event";
import { auditTimeRange } from "./audit-query";

/**
 * The audit review's URL query, parsed strictly: unlike the old page, a value that does not parse is
 * an error shown next to the form, never silently dropped (a dropped filter widens the result, and a
 * reviewer would read "no matches" or "everything" as an answer).
 */
export type ReviewQuery = {
  /** An actor's Entra object id (GUID) or user principal name. */
  person?: { objectId: string } | { upn: string };
  /** clusterKey of a managed cluster (the lower-cased ARM resource id). */
  clusterId?: string;
  tenantId?: string;
  /** `request.approved` is exact; `request.*` is every action under `request.`. */
  action?: { exact: string } | { prefix: string };
  outcome?: AuditOutcome;
  correlationId?: string;
  /** Everything that happened to one object: `change_request:…`, `authorized_ip_range:…`, `cluster:…`. */
  target?: { type: string; id: string };
  from?: string;
  to?: string;
  cursor?: bigint;
};

export type ReviewField = "person" | "cluster" | "tenant" | "action" | "outcome" | "correlation" | "target" | "from" | "to" | "cursor";
export type ReviewQueryResult = { ok: true; query: ReviewQuery } | { ok: false; query: ReviewQuery; errors: Partial<Record<ReviewField, string>> };

/** The names the form and links use, in the order they are written back into a URL. */
export const reviewParamNames = ["person", "cluster", "tenant", "action", "outcome", "correlation", "target", "from", "to"] as const;

const guid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const upn = /^[^\s@]{1,128}@[^\s@]{1,255}$/;
const clusterId = /^\/subscriptions\/[^/]+\/resourcegroups\/[^/]+\/providers\/microsoft\.containerservice\/managedclusters\/[^/]+$/i;
const actionName = /^[a-z][a-z0-9_]*(\.[a-z0-9_]+)*$/;
const day = /^\d{4}-\d{2}-\d{2}$/;

/** The opaque page cursor: callers must not build or read it, so that the keyset can change. */
export function encodeReviewCursor(seq: bigint): string {
  return Buffer.from(`v1:${seq}`, "utf8").toString("base64url");
}

export function decodeReviewCursor(cursor: string): bigint | undefined {
  const match = /^v1:(\d{1,19})$/.exec(Buffer.from(cursor, "base64url").toString("utf8"));
  return match?.[1] ? BigInt(match[1]) : undefined;
}

function validDay(value: string): boolean {
  return day.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) && new Date(`${value}T00:00:00Z`).toISOString().startsWith(value);
}

export function parseReviewQuery(params: Record<string, string | string[] | undefined>): ReviewQueryResult {
  const value = (name: string) => {
    const raw = params[name];
    const text = (Array.isArray(raw) ? raw[0] : raw)?.trim();
    return text ? text : undefined;
  };
  const query: ReviewQuery = {};
  const errors: Partial<Record<ReviewField, string>> = {};

  const person = value("person");
  if (person !== undefined) {
    if (guid.test(person)) query.person = { objectId: person.toLowerCase() };
    else if (upn.test(person)) query.person = { upn: person };
    else errors.person = "Enter the person's object id (a GUID) or user principal name (name@domain).";
  }
  const cluster = value("cluster");
  if (cluster !== undefined) {
    if (clusterId.test(cluster)) query.clusterId = cluster.toLowerCase();
    else errors.cluster = "Choose a cluster from the list.";
  }
  const tenant = value("tenant");
  if (tenant !== undefined) {
    if (guid.test(tenant)) query.tenantId = tenant.toLowerCase();
    else errors.tenant = "Choose a tenant from the list.";
  }
  const action = value("action");
  if (action !== undefined) {
    const prefix = action.endsWith(".*") ? action.slice(0, -2) : undefined;
    const name = prefix ?? action;
    if (name.length > 128 || !actionName.test(name)) {
      errors.action = "Enter an action such as request.approved, or a category such as request.* (lower-case letters, digits, _ and dots).";
    } else query.action = prefix === undefined ? { exact: name } : { prefix: `${name}.` };
  }
  const outcome = value("outcome");
  if (outcome !== undefined) {
    if ((auditOutcomes as readonly string[]).includes(outcome)) query.outcome = outcome as AuditOutcome;
    else errors.outcome = "Outcome is success, failure or denied.";
  }
  const correlation = value("correlation");
  if (correlation !== undefined) {
    if (/^[\w:.-]{1,128}$/.test(correlation)) query.correlationId = correlation;
    else errors.correlation = "A correlation id has letters, digits, '-', '_', ':' and '.' only.";
  }
  const target = value("target");
  if (target !== undefined) {
    const match = /^([a-z][a-z_-]{0,63}):(.{1,512})$/.exec(target);
    if (match?.[1] && match[2]) query.target = { type: match[1], id: match[2] };
    else errors.target = "A target is written type:id, e.g. change_request:… (follow a target link).";
  }
  for (const name of ["from", "to"] as const) {
    const text = value(name);
    if (text === undefined) continue;
    if (validDay(text)) query[name] = text;
    else errors[name] = "Enter a day as YYYY-MM-DD.";
  }
  if (query.from && query.to && query.from > query.to) errors.to = "The end day is before the start day.";
  const cursor = value("cursor");
  if (cursor !== undefined) {
    const seq = decodeReviewCursor(cursor);
    if (seq === undefined) errors.cursor = "This page link is not valid; start again from the newest events.";
    else query.cursor = seq;
  }
  return Object.keys(errors).length > 0 ? { ok: false, query, errors } : { ok: true, query };
}

/** The query back as URL parameters (without the cursor), for links and the export that keep the filters. */
export function reviewQueryParams(query: ReviewQuery): URLSearchParams {
  const params = new URLSearchParams();
  if (query.person) params.set("person", "objectId" in query.person ? query.person.objectId : query.person.upn);
  if (query.clusterId) params.set("cluster", query.clusterId);
  if (query.tenantId) params.set("tenant", query.tenantId);
  if (query.action) params.set("action", "exact" in query.action ? query.action.exact : `${query.action.prefix}*`);
  if (query.outcome) params.set("outcome", query.outcome);
  if (query.correlationId) params.set("correlation", query.correlationId);
  if (query.target) params.set("target", `${query.target.type}:${query.target.id}`);
  if (query.from) params.set("from", query.from);
  if (query.to) params.set("to", query.to);
  return params;
}

export function reviewTimeRange(query: Pick<ReviewQuery, "from" | "to">): { from?: Date; to?: Date } {
  return auditTimeRange(query);
}
