import "server-only";
import { tenantCreatePayload } from "@/lib/requests/kinds";
import { db } from "@/lib/server/db/client";
import { systemActor } from "@/lib/server/requests/actor";
import type { ChangeExecutor } from "@/lib/server/requests/executor";
import { insertTenant } from "./manage-tenant";

/**
 * Creates the tenant a lead asked for, once an admin approved. The record and its audit event are one
 * transaction, so a crash leaves either both or neither; a resumed attempt finding the tenant with the
 * same owner group converges, while a slug taken since the request (another tenant) fails visibly.
 */
export function tenantCreateExecutor(): ChangeExecutor {
  return {
    async apply(request) {
      const payload = tenantCreatePayload.parse(request.payload);
      const existing = await db().tenant.findUnique({ where: { slug: payload.slug }, select: { id: true, ownerGroupId: true, archivedAt: true } });
      if (existing && (existing.ownerGroupId !== payload.ownerGroupId || existing.archivedAt)) throw new Error(`A tenant named ${payload.slug} was created since the request; nothing was changed.`);
      const tenant = existing ?? (await insertTenant(payload, systemActor, { correlationId: request.correlationId, requestId: request.id }));
      // The request now belongs to the tenant, so its owners see it among the tenant's requests.
      await db().changeRequest.update({ where: { id: request.id }, data: { tenantId: tenant.id } });
      return { before: null, after: { tenantId: tenant.id, ...payload }, summary: existing ? `Tenant ${payload.slug} already existed from this request; nothing changed.` : `Created tenant ${payload.slug}.` };
    },
  };
}
