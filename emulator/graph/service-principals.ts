import type { Exchange } from "../http/exchange";
import type { Runtime } from "../runtime";
import type { EmulatorState, ServicePrincipal } from "../state";
import { appRoleAssignmentRoutes } from "./app-role-assignments";
import { syncServicePrincipal } from "./applications";
import { servicePrincipalObject, servicePrincipalProperties } from "./directory-objects";
import { GraphQueryError, select } from "./query";
import { alternateKey, badRequest, guidProperty, readObject, resourceNotFound, sendCreated, sendEntity } from "./write-support";

/**
 * `POST /v1.0/servicePrincipals` from an app registration's appId, `GET /servicePrincipals/{id}` and
 * `servicePrincipals(appId='…')` with the published `appRoles`, and the app role assignments under a
 * service principal. The list and the membership functions stay in router.ts.
 */
export function findServicePrincipal(state: EmulatorState, segment: string): ServicePrincipal {
  const alternate = alternateKey(segment);
  const key = alternate?.appId ?? decodeURIComponent(segment).toLowerCase();
  const found = state.servicePrincipals.find((sp) => (alternate ? sp.appId === key : sp.id === key));
  if (!found) throw resourceNotFound(key);
  return found;
}

async function create(exchange: Exchange, state: EmulatorState): Promise<void> {
  const body = await readObject(exchange);
  const appId = guidProperty(body, "appId", "ServicePrincipal");
  const unknown = Object.keys(body).find((key) => !["appId", "accountEnabled", "tags", "appRoleAssignmentRequired"].includes(key));
  if (unknown) throw badRequest(`Property '${unknown}' does not exist on type 'microsoft.graph.servicePrincipal' or is read-only.`);
  const application = state.applications.find((candidate) => candidate.appId === appId);
  if (!application) throw badRequest(`The appId '${appId}' of the service principal does not reference a valid application object.`);
  if (state.servicePrincipals.some((sp) => sp.appId === appId)) {
    throw new GraphQueryError(409, "Request_MultipleObjectsWithSameKeyValue", `The service principal cannot be created, updated, or restored because the service principal name ${appId} is already in use.`);
  }
  const sp: ServicePrincipal = { id: crypto.randomUUID(), appId, displayName: application.displayName, redirectUris: [], appRoles: [] };
  state.servicePrincipals.push(sp);
  syncServicePrincipal(state, application);
  sendCreated(exchange, "servicePrincipals", servicePrincipalObject(sp));
}

/** Handles the writes and single-object reads of `/v1.0/servicePrincipals…`; false for what router.ts serves. */
export async function servicePrincipalRoutes(exchange: Exchange, runtime: Runtime, parts: string[]): Promise<boolean> {
  const [collection = "", ...rest] = parts;
  const alternate = alternateKey(collection);
  if (collection !== "servicePrincipals" && alternate?.collection !== "servicePrincipals") return false;
  const state = runtime.state();
  if (!alternate && rest.length === 0) {
    if (exchange.method !== "POST") return false;
    await create(exchange, state);
    return true;
  }
  const [key = "", ...relations] = alternate ? [collection, ...rest] : rest;
  const [relation, ...more] = relations;
  if (relation === "appRoleAssignedTo" || relation === "appRoleAssignments") {
    await appRoleAssignmentRoutes(exchange, runtime, findServicePrincipal(state, key), relation, more);
    return true;
  }
  if (relation !== undefined || exchange.method !== "GET") {
    if (alternate) throw new GraphQueryError(400, "BadRequest", `Resource not found for the segment '${relation ?? ""}'.`);
    return false;
  }
  const selected = exchange.url.searchParams.get("$select")?.split(",").map((property) => property.trim());
  sendEntity(exchange, "servicePrincipals", select(servicePrincipalObject(findServicePrincipal(state, key)), selected, servicePrincipalProperties, "servicePrincipal"));
  return true;
}
