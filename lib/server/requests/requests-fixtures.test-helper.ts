import { randomUUID } from "node:crypto";
import type { Principal } from "@/lib/auth/policy";
import { db } from "@/lib/server/db/client";
import type { RequestContext } from "@/lib/server/request-context";
import type { Actor } from "./actor";
import { createChangeRequest } from "./create-request";

/** Tenants, people and requests of a world of its own, so tests sharing one database do not see each other's. */
export const testContext: RequestContext = { clientIp: "192.0.2.10", userAgent: "vitest", correlationId: randomUUID(), path: "/requests" };

export type Person = Extract<Actor, { kind: "user" }> & { principal: Principal; groupIds: string[] };

export async function createTenant(name: string): Promise<{ id: string; name: string; ownerGroupId: string }> {
  const ownerGroupId = randomUUID();
  const tenant = await db().tenant.create({
    data: { slug: `${name.toLowerCase()}-${randomUUID().slice(0, 8)}`, displayName: name, ownerGroupId, memberGroupIds: [] },
    select: { id: true },
  });
  return { id: tenant.id, name, ownerGroupId };
}

export function person(name: string, options: { roles?: Principal["roles"]; owns?: { id: string; ownerGroupId: string }[] } = {}): Person {
  const objectId = randomUUID();
  const owns = options.owns ?? [];
  return {
    kind: "user",
    objectId,
    name,
    upn: `${name.toLowerCase().replace(/\s+/g, ".")}@contoso.example`,
    principal: { objectId, roles: options.roles ?? [], ownedTenantIds: owns.map((tenant) => tenant.id) },
    groupIds: owns.map((tenant) => tenant.ownerGroupId),
  };
}

export const clusterId = (name: string) =>
  `/subscriptions/0b1f6471-1bf0-4dda-aec3-111122223333/resourcegroups/rg-${name}/providers/microsoft.containerservice/managedclusters/${name}`;

export async function requestRange(requester: Person, tenantId: string | null, range = "203.0.113.7/32", cluster = "aks-test") {
  const { objectId, name, upn } = requester;
  return createChangeRequest(
    {
      kind: "authorized-ip-ranges",
      clusterResourceId: clusterId(cluster),
      tenantId,
      payload: { add: [{ range, lifetimeSeconds: 28_800, owner: "ci agents" }], remove: ["198.51.100.0/24"] },
      justification: "CI agents need the API server",
      decideBy: null,
    },
    { kind: "user", objectId, name, upn },
    testContext,
  );
}
