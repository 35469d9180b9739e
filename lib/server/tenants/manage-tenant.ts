import "server-only";
import type { TenantCreatePayload } from "@/lib/requests/kinds";
import type { TenantCreateForm, TenantDetails } from "@/lib/tenants/tenant-form";
import { appendAuditEvent } from "@/lib/server/audit/append-audit-event";
import type { CurrentUser } from "@/lib/server/auth/current-user";
import { db } from "@/lib/server/db/client";
import type { RequestContext } from "@/lib/server/request-context";
import { type Actor, actorOf, auditActor } from "@/lib/server/requests/actor";
import { createChangeRequestUnlessOpen } from "@/lib/server/requests/create-request";
import { checkTenantGroups } from "./tenant-groups";

export type TenantOutcome = { ok: true; slug: string; number?: number } | { ok: false; error: string; field?: string; openRequest?: number };

const tenantSnapshot = { slug: true, displayName: true, ownerGroupId: true, memberGroupIds: true, contacts: true, costCentre: true, archivedAt: true } as const;

function payloadOf(form: TenantCreateForm): TenantCreatePayload {
  return { slug: form.slug, displayName: form.displayName, ownerGroupId: form.ownerGroupId, memberGroupIds: form.memberGroupIds, contacts: form.contacts, costCentre: form.costCentre };
}

/** Refusals shared by creating and asking: a slug in use (archived tenants keep theirs: their audit history names it) and groups Graph does not know. */
async function refusal(form: TenantCreateForm): Promise<TenantOutcome | null> {
  const taken = await db().tenant.findUnique({ where: { slug: form.slug }, select: { archivedAt: true } });
  if (taken) return { ok: false, field: "slug", error: taken.archivedAt ? `${form.slug} was an archived tenant's name; choose another.` : `A tenant named ${form.slug} already exists.` };
  const groups = await checkTenantGroups(form.ownerGroupId, form.memberGroupIds);
  return groups.ok ? null : { ok: false, field: groups.field, error: groups.message };
}

/**
 * Creates a tenant and its audit event in one transaction: an admin's direct creation, or the
 * approved request of a lead (then `requestId` ties the record to it, and a resumed attempt that finds
 * the tenant already created by the same request converges).
 */
export async function insertTenant(payload: TenantCreatePayload, actor: Actor, audit: { correlationId: string; clientIp?: string | null; userAgent?: string | null; requestId?: string }) {
  return db().$transaction(async (tx) => {
    const tenant = await tx.tenant.create({ data: { ...payload }, select: { id: true, ...tenantSnapshot } });
    await appendAuditEvent(tx, {
      actor: auditActor(actor),
      action: "tenant.created",
      target: { type: "tenant", id: tenant.id, tenantId: tenant.id },
      outcome: "success",
      after: { ...payload, ...(audit.requestId ? { requestId: audit.requestId } : {}) },
      correlationId: audit.correlationId,
      clientIp: audit.clientIp,
      userAgent: audit.userAgent,
    });
    return tenant;
  });
}

/** An admin's direct creation; the policy (`tenant.create`) was checked by the caller. */
export async function createTenant(form: TenantCreateForm, user: CurrentUser, context: RequestContext): Promise<TenantOutcome> {
  const refused = await refusal(form);
  if (refused) return refused;
  try {
    const tenant = await insertTenant(payloadOf(form), actorOf(user), context);
    return { ok: true, slug: tenant.slug };
  } catch (error) {
    // Two admins creating the same slug at once: the unique index decides, the loser is told.
    if (error && typeof error === "object" && "code" in error && error.code === "P2002") return { ok: false, field: "slug", error: `A tenant named ${form.slug} already exists.` };
    throw error;
  }
}

/** A lead's request for a tenant (`tenant.request-create` checked by the caller); an admin approves it. */
export async function requestTenantCreation(form: TenantCreateForm, user: CurrentUser, context: RequestContext): Promise<TenantOutcome> {
  const refused = await refusal(form);
  if (refused) return refused;
  if (form.justification.length < 5) return { ok: false, field: "justification", error: "Say what the tenant is for (at least 5 characters)." };
  const created = await createChangeRequestUnlessOpen(
    { kind: "tenant-create", clusterResourceId: null, tenantId: null, payload: payloadOf(form), justification: form.justification, decideBy: null },
    actorOf(user),
    context,
    { sameChangeKey: (stored) => (stored && typeof stored === "object" && "slug" in stored ? String(stored.slug) : "") },
  );
  if (!created.ok) return { ok: false, field: "slug", error: `Request #${created.openRequest.number} already asks for a tenant named ${form.slug} and is still open.`, openRequest: created.openRequest.number };
  return { ok: true, slug: form.slug, number: created.number };
}

/** An admin's edit of a tenant's details (`tenant.manage`); the slug never changes (it names namespaces). */
export async function updateTenant(tenantId: string, details: TenantDetails, user: CurrentUser, context: RequestContext): Promise<TenantOutcome> {
  const groups = await checkTenantGroups(details.ownerGroupId, details.memberGroupIds);
  if (!groups.ok) return { ok: false, field: groups.field, error: groups.message };
  return db().$transaction(async (tx) => {
    const before = await tx.tenant.findUnique({ where: { id: tenantId }, select: tenantSnapshot });
    if (!before) return { ok: false, error: "This tenant does not exist." };
    if (before.archivedAt) return { ok: false, error: "This tenant is archived; it cannot be changed." };
    const after = await tx.tenant.update({ where: { id: tenantId }, data: details, select: tenantSnapshot });
    await appendAuditEvent(tx, {
      actor: auditActor(actorOf(user)),
      action: "tenant.updated",
      target: { type: "tenant", id: tenantId, tenantId },
      outcome: "success",
      before,
      after,
      correlationId: context.correlationId,
      clientIp: context.clientIp,
      userAgent: context.userAgent,
    });
    return { ok: true, slug: after.slug };
  });
}

/**
 * Archives a tenant with no environments (one with environments is offboarded, which archives it at
 * the end). The record stays, so its audit history keeps its name; ownership stops granting rights.
 */
export async function archiveTenant(tenantId: string, actor: Actor, context: { correlationId: string; clientIp?: string | null; userAgent?: string | null }, options: { reason?: string; requestId?: string } = {}): Promise<TenantOutcome> {
  return db().$transaction(async (tx) => {
    const tenant = await tx.tenant.findUnique({ where: { id: tenantId }, select: { ...tenantSnapshot, _count: { select: { environments: true } } } });
    if (!tenant) return { ok: false, error: "This tenant does not exist." };
    if (tenant.archivedAt) return { ok: true, slug: tenant.slug };
    if (tenant._count.environments > 0) return { ok: false, error: `${tenant.slug} still has ${tenant._count.environments} environment(s): offboard it instead, which removes or releases them first.` };
    const archivedAt = new Date();
    await tx.tenant.update({ where: { id: tenantId }, data: { archivedAt } });
    await appendAuditEvent(tx, {
      actor: auditActor(actor),
      action: "tenant.archived",
      target: { type: "tenant", id: tenantId, tenantId },
      outcome: "success",
      before: { archivedAt: null },
      after: { archivedAt: archivedAt.toISOString(), ...(options.requestId ? { requestId: options.requestId } : {}) },
      reason: options.reason,
      correlationId: context.correlationId,
      clientIp: context.clientIp,
      userAgent: context.userAgent,
    });
    return { ok: true, slug: tenant.slug };
  });
}
