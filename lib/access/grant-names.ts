import { createHash } from "node:crypto";
import type { AccessRole } from "./roles";
import { accessRoles } from "./roles";

/**
 * The role assignment's name (a GUID ARM requires) derived from the request, so an attempt resumed
 * after a crash PUTs the same assignment again instead of creating a second one. Formatted as an
 * RFC 4122 version 5 (name-based, SHA-1) UUID.
 */
export function roleAssignmentNameFor(requestId: string): string {
  const bytes = createHash("sha1").update(`clusterdesk:namespace-access:${requestId}`).digest().subarray(0, 16);
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x50;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = bytes.toString("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * A RoleBinding named for role and principal: one per (role, principal) in a namespace, so granting
 * the same again converges on the same object. Object ids are lowercase GUIDs, valid in names.
 */
export function roleBindingNameFor(role: AccessRole, principalObjectId: string): string {
  return `clusterdesk-${accessRoles[role].clusterRole}-${principalObjectId.toLowerCase()}`;
}
