import { randomBytes } from "node:crypto";
import type { Exchange } from "../http/exchange";
import type { Runtime } from "../runtime";
import type { AppRoleAssignmentRecord, EmulatorState, ServicePrincipal } from "../state";
import { sendCollection } from "./collections";
import { GraphQueryError, type DirectoryRecord } from "./query";
import { badRequest, guidProperty, readObject, resourceNotFound, sendCreated, sendNoContent } from "./write-support";

/**
 * App role assignments, i.e. admin consent to application permissions
 * (learn.microsoft.com/graph/api/serviceprincipal-post-approleassignedto): `POST
 * /servicePrincipals/{resource}/appRoleAssignedTo` or `/servicePrincipals/{client}/appRoleAssignments`
 * with `{ principalId, resourceId, appRoleId }`, their lists, and DELETE by assignment id. The role must
 * be one the resource publishes; the same assignment twice is 400, as in Entra.
 */
const properties = ["id", "deletedDateTime", "appRoleId", "createdDateTime", "principalDisplayName", "principalId", "principalType", "resourceDisplayName", "resourceId"];

function principalOf(state: EmulatorState, id: string): { displayName: string; type: string } | undefined {
  const sp = state.servicePrincipals.find((candidate) => candidate.id === id);
  if (sp) return { displayName: sp.displayName, type: "ServicePrincipal" };
  const user = state.users.find((candidate) => candidate.id === id);
  if (user) return { displayName: user.displayName, type: "User" };
  const group = state.groups.find((candidate) => candidate.id === id);
  return group ? { displayName: group.displayName, type: "Group" } : undefined;
}

function wire(state: EmulatorState, assignment: AppRoleAssignmentRecord): DirectoryRecord {
  const principal = principalOf(state, assignment.principalId);
  const resource = state.servicePrincipals.find((sp) => sp.id === assignment.resourceId);
  return {
    id: assignment.id, deletedDateTime: null, appRoleId: assignment.appRoleId, createdDateTime: assignment.createdDateTime,
    principalDisplayName: principal?.displayName ?? null, principalId: assignment.principalId, principalType: principal?.type ?? "ServicePrincipal",
    resourceDisplayName: resource?.displayName ?? null, resourceId: assignment.resourceId,
  };
}

function assign(state: EmulatorState, body: Record<string, unknown>, fixed: { principalId?: string; resourceId?: string }): AppRoleAssignmentRecord {
  const principalId = guidProperty(body, "principalId", "AppRoleAssignment");
  const resourceId = guidProperty(body, "resourceId", "AppRoleAssignment");
  const appRoleId = guidProperty(body, "appRoleId", "AppRoleAssignment");
  if (fixed.principalId && fixed.principalId !== principalId) throw badRequest("The principalId of the app role assignment must be the service principal it is created under.");
  if (fixed.resourceId && fixed.resourceId !== resourceId) throw badRequest("The resourceId of the app role assignment must be the service principal it is created under.");
  if (!principalOf(state, principalId)) throw resourceNotFound(principalId);
  const resource = state.servicePrincipals.find((sp) => sp.id === resourceId);
  if (!resource) throw resourceNotFound(resourceId);
  if (!(resource.publishedAppRoles ?? []).some((role) => role.id === appRoleId)) throw badRequest(`Permission being assigned was not found on application '${resource.appId}'.`);
  if (state.appRoleAssignments.some((existing) => existing.principalId === principalId && existing.resourceId === resourceId && existing.appRoleId === appRoleId)) {
    throw badRequest("Permission being assigned already exists on the object.");
  }
  const assignment = { id: randomBytes(32).toString("base64url").slice(0, 43), appRoleId, principalId, resourceId, createdDateTime: new Date().toISOString().replace(/\.\d+Z$/, "Z") };
  state.appRoleAssignments.push(assignment);
  return assignment;
}

export async function appRoleAssignmentRoutes(
  exchange: Exchange, runtime: Runtime, sp: ServicePrincipal, relation: "appRoleAssignedTo" | "appRoleAssignments", rest: string[],
): Promise<void> {
  const state = runtime.state();
  const side = relation === "appRoleAssignedTo" ? "resourceId" : "principalId";
  const entitySet = `servicePrincipals('${sp.id}')/${relation}`;
  const [assignmentId, ...more] = rest;
  if (more.length > 0) throw new GraphQueryError(400, "BadRequest", `Resource not found for the segment '${more[0] ?? ""}'.`);
  if (assignmentId === undefined && exchange.method === "GET") {
    const items = state.appRoleAssignments.filter((assignment) => assignment[side] === sp.id).map((assignment) => wire(state, assignment));
    return sendCollection(exchange, runtime, { items, entitySet, typeName: "appRoleAssignment", properties, searchable: [], filterable: ["principalId", "resourceId", "appRoleId"] });
  }
  if (assignmentId === undefined && exchange.method === "POST") {
    return sendCreated(exchange, entitySet, wire(state, assign(state, await readObject(exchange), { [side]: sp.id })));
  }
  if (assignmentId !== undefined && exchange.method === "DELETE") {
    const found = state.appRoleAssignments.find((assignment) => assignment.id === assignmentId && assignment[side] === sp.id);
    if (!found) throw resourceNotFound(assignmentId);
    state.appRoleAssignments = state.appRoleAssignments.filter((assignment) => assignment !== found);
    return sendNoContent(exchange);
  }
  throw new GraphQueryError(405, "Request_BadRequest", "Method not allowed.");
}

/**
 * The values of the app roles `principalId` holds on the resource a token is for: what Entra puts in an
 * app-only token's `roles` claim. `isResource` says whether a resource service principal is the token's audience.
 */
export function assignedAppRoleValues(state: EmulatorState, principalId: string, isResource: (resource: ServicePrincipal) => boolean): string[] {
  return state.appRoleAssignments.flatMap((assignment) => {
    if (assignment.principalId !== principalId) return [];
    const resource = state.servicePrincipals.find((sp) => sp.id === assignment.resourceId);
    const role = resource && isResource(resource) ? resource.publishedAppRoles?.find((candidate) => candidate.id === assignment.appRoleId) : undefined;
    return role ? [role.value] : [];
  });
}
