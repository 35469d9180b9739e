import "server-only";
import { listRoleAssignmentsAround, type RoleAssignmentToPut } from "@/lib/server/azure/role-assignments";
import { db } from "@/lib/server/db/client";
import { RetryableError } from "@/lib/server/requests/executor";

const roleGuidOf = (roleDefinitionId: string) => (/roleDefinitions\/([^/]+)$/i.exec(roleDefinitionId)?.[1] ?? "").toLowerCase();
const sameScope = (a: string, b: string) => a.replace(/\/+$/, "").toLowerCase() === b.replace(/\/+$/, "").toLowerCase();

/**
 * The resource id of the role assignment that made ARM answer RoleAssignmentExists: same principal,
 * same role, exactly this scope (inherited ones do not count: ARM only refuses a duplicate at the same
 * scope), whatever its name. ARM's error names no id, so the scope's assignments are listed. None
 * found means it was deleted meanwhile: a retry PUTs Clusterdesk's own. One held by another active
 * Clusterdesk grant is refused, so that the end of one grant cannot silently cut the other.
 */
export async function existingAssignmentFor(
  request: { id: string; correlationId: string },
  wanted: RoleAssignmentToPut,
  arm: <T>(call: () => Promise<T>) => Promise<T>,
): Promise<string> {
  const around = await arm(() => listRoleAssignmentsAround(wanted.subscriptionId, wanted.scope, request.correlationId));
  const existing = around.find(
    (assignment) => assignment.principalId === wanted.principalId.toLowerCase() && roleGuidOf(assignment.roleDefinitionId) === roleGuidOf(wanted.roleDefinitionId) && sameScope(assignment.scope, wanted.scope),
  );
  if (!existing) throw new RetryableError("Azure Resource Manager said the role assignment already exists, but it is no longer listed; trying again.");
  const heldBy = await db().namespaceAccessGrant.findFirst({
    where: { externalId: { equals: existing.id, mode: "insensitive" }, revokedAt: null, requestId: { not: request.id } },
    select: { requestId: true },
  });
  if (heldBy) {
    const other = await db().changeRequest.findUnique({ where: { id: heldBy.requestId }, select: { number: true } });
    throw new Error(`Request #${other?.number ?? "?"} already grants this role at this scope through the same role assignment; this request changed nothing.`);
  }
  return existing.id;
}
