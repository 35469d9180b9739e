import "server-only";
import type { CanonicalValue } from "@/lib/audit/canonical-json";
import type { Prisma } from "@/lib/generated/prisma/client";
import { contentOf } from "@/lib/tenants/template-form";
import { templateContent } from "@/lib/tenants/template-content";
import type { EnvironmentTemplate } from "@/lib/tenants/templates";
import { appendAuditEvent } from "@/lib/server/audit/append-audit-event";
import type { CurrentUser } from "@/lib/server/auth/current-user";
import { db } from "@/lib/server/db/client";
import type { RequestContext } from "@/lib/server/request-context";
import { actorOf, auditActor } from "@/lib/server/requests/actor";

export type StoredTemplate = { template: EnvironmentTemplate; archivedAt: Date | null; updatedAt: Date };
export type TemplateSummary = { name: string; label: string; description: string; archivedAt: Date | null; updatedAt: Date; environments: number };
export type TemplateOutcome = { ok: true; name: string } | { ok: false; error: string; field?: string };

const openStatuses = ["pending", "approved", "applying", "failed"] as const;
const row = { name: true, label: true, description: true, content: true, archivedAt: true, updatedAt: true } as const;

function storedOf(record: { name: string; label: string; description: string; content: unknown; archivedAt: Date | null; updatedAt: Date }): StoredTemplate {
  // The column is written only through the form's validation; a row that no longer parses is a bug to see, not to guess around.
  const template = { name: record.name, label: record.label, description: record.description, ...templateContent.parse(record.content) };
  return { template, archivedAt: record.archivedAt, updatedAt: record.updatedAt };
}

export async function listTemplates(): Promise<TemplateSummary[]> {
  const [templates, used] = await Promise.all([
    db().tenantTemplate.findMany({ orderBy: [{ archivedAt: { sort: "asc", nulls: "first" } }, { name: "asc" }], select: { name: true, label: true, description: true, archivedAt: true, updatedAt: true } }),
    db().tenantEnvironment.groupBy({ by: ["template"], _count: { _all: true }, where: { template: { not: null } } }),
  ]);
  const counts = new Map(used.map((group) => [group.template, group._count._all]));
  return templates.map((template) => ({ ...template, environments: counts.get(template.name) ?? 0 }));
}

export async function findTemplate(name: string): Promise<StoredTemplate | null> {
  const record = await db().tenantTemplate.findUnique({ where: { name }, select: row });
  return record ? storedOf(record) : null;
}

/** The templates a new environment may be made from (not archived), for the request form. */
export async function activeTemplates(): Promise<StoredTemplate[]> {
  return (await db().tenantTemplate.findMany({ where: { archivedAt: null }, orderBy: { createdAt: "asc" }, select: row })).map(storedOf);
}

/** Why a template cannot be deleted: environments made from it, or open requests that will make one. */
export async function templateUses(name: string): Promise<{ environments: number; requests: number }> {
  const [environments, requests] = await Promise.all([
    db().tenantEnvironment.count({ where: { template: name } }),
    db().changeRequest.count({ where: { kind: "tenant-environment", status: { in: [...openStatuses] }, payload: { path: ["template"], equals: name } } }),
  ]);
  return { environments, requests };
}

type Audit = { user: CurrentUser; context: RequestContext };

async function audited<T>(audit: Audit, action: string, name: string, change: { before?: CanonicalValue; after?: CanonicalValue }, write: (tx: Prisma.TransactionClient) => Promise<T>): Promise<T> {
  return db().$transaction(async (tx) => {
    const result = await write(tx);
    await appendAuditEvent(tx, {
      actor: auditActor(actorOf(audit.user)),
      action,
      target: { type: "tenant_template", id: name },
      outcome: "success",
      ...change,
      correlationId: audit.context.correlationId,
      clientIp: audit.context.clientIp,
      userAgent: audit.context.userAgent,
    });
    return result;
  });
}

/** Someone saved the template since the form was opened. */
class StaleTemplate extends Error {}

const isUniqueViolation = (error: unknown) => !!error && typeof error === "object" && "code" in error && error.code === "P2002";

/** A new template with `template.created` in one transaction; the policy (`template.manage`) was checked by the caller. */
export async function createTemplate(template: EnvironmentTemplate, user: CurrentUser, context: RequestContext): Promise<TemplateOutcome> {
  const data = { name: template.name, label: template.label, description: template.description, content: contentOf(template) };
  try {
    await audited({ user, context }, "template.created", template.name, { after: data }, (tx) => tx.tenantTemplate.create({ data }));
  } catch (error) {
    if (isUniqueViolation(error)) return { ok: false, field: "name", error: `A template named ${template.name} already exists (perhaps archived); choose another name.` };
    throw error;
  }
  return { ok: true, name: template.name };
}

/**
 * Changes a template (its name stays: environments and requests refer to it), compare-and-set on the
 * version the admin edited, with `template.updated` (before and after) in the same transaction.
 * Environments already applied keep what they have until re-applied; requests already recorded keep
 * the template they were asked with.
 */
export async function updateTemplate(template: EnvironmentTemplate, editedVersion: Date, user: CurrentUser, context: RequestContext): Promise<TemplateOutcome> {
  const before = await findTemplate(template.name);
  if (!before) return { ok: false, error: `There is no template ${template.name}.` };
  const data = { label: template.label, description: template.description, content: contentOf(template) };
  const change = { before: { label: before.template.label, description: before.template.description, content: contentOf(before.template) }, after: data };
  try {
    await audited({ user, context }, "template.updated", template.name, change, async (tx) => {
      const { count } = await tx.tenantTemplate.updateMany({ where: { name: template.name, updatedAt: editedVersion }, data });
      // Thrown before the audit event is appended, so a refused edit records nothing.
      if (count === 0) throw new StaleTemplate();
    });
  } catch (error) {
    if (error instanceof StaleTemplate) return { ok: false, error: `${template.name} was changed by someone else since you opened it. Reload the page to see their change; nothing was saved.` };
    throw error;
  }
  return { ok: true, name: template.name };
}


/** Archives (offered for no new environment) or restores a template, audited. */
export async function setTemplateArchived(name: string, archived: boolean, user: CurrentUser, context: RequestContext): Promise<TemplateOutcome> {
  const found = await db().tenantTemplate.findUnique({ where: { name }, select: { archivedAt: true } });
  if (!found) return { ok: false, error: `There is no template ${name}.` };
  if ((found.archivedAt !== null) === archived) return { ok: true, name };
  await audited({ user, context }, archived ? "template.archived" : "template.restored", name, {}, (tx) => tx.tenantTemplate.update({ where: { name }, data: { archivedAt: archived ? new Date() : null } }));
  return { ok: true, name };
}

/** Deletes a template nothing uses; one in use is refused (archive it instead). */
export async function deleteTemplate(name: string, user: CurrentUser, context: RequestContext): Promise<TemplateOutcome> {
  const found = await findTemplate(name);
  if (!found) return { ok: false, error: `There is no template ${name}.` };
  const used = await templateUses(name);
  if (used.environments > 0 || used.requests > 0) {
    const what = [used.environments > 0 ? `${used.environments} environment${used.environments === 1 ? "" : "s"}` : null, used.requests > 0 ? `${used.requests} open request${used.requests === 1 ? "" : "s"}` : null].filter(Boolean).join(" and ");
    return { ok: false, error: `${name} is in use by ${what}, so it cannot be deleted. Archive it instead: it is then offered for no new environment.` };
  }
  await audited({ user, context }, "template.deleted", name, { before: { label: found.template.label, description: found.template.description, content: contentOf(found.template) } }, (tx) => tx.tenantTemplate.delete({ where: { name } }));
  return { ok: true, name };
}
