"use server";

import { z } from "zod";
import { authorizeAction } from "@/lib/server/auth/current-user";
import { requestContext } from "@/lib/server/request-context";
import { adoptableNamespaces } from "@/lib/server/tenants/adopt-namespace";
import { findTenantBySlug } from "@/lib/server/tenants/find-tenant";

export type AdoptableNamespacesResult = { ok: true; namespaces: string[] } | { ok: false; error: string };

const asked = z.object({ tenantSlug: z.string().min(1).max(40), clusterId: z.string().min(1).max(512) });

/** The adoption form's namespace list for one cluster, read live; admins only (it lists a cluster's namespaces). */
export async function adoptableNamespacesAction(input: unknown): Promise<AdoptableNamespacesResult> {
  const parsed = asked.safeParse(input);
  if (!parsed.success) return { ok: false, error: "Choose a cluster." };
  const tenant = await findTenantBySlug(parsed.data.tenantSlug);
  if (!tenant) return { ok: false, error: "This tenant does not exist." };
  const allowed = await authorizeAction("tenant.manage", { kind: "tenant", tenantId: tenant.id });
  if (!allowed.ok) return allowed;
  return adoptableNamespaces(parsed.data.clusterId, (await requestContext()).correlationId);
}
