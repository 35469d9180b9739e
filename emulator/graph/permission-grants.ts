import { randomBytes } from "node:crypto";
import type { Exchange } from "../http/exchange";
import type { Runtime } from "../runtime";
import type { EmulatorState, OAuth2PermissionGrantRecord } from "../state";
import { sendCollection } from "./collections";
import { GraphQueryError } from "./query";
import { badRequest, guidProperty, readObject, resourceNotFound, sendCreated, sendEntity, sendNoContent } from "./write-support";

/**
 * `/v1.0/oauth2PermissionGrants` (learn.microsoft.com/graph/api/resources/oauth2permissiongrant): consent
 * to delegated permissions, what `az ad app permission grant` and `list-grants` use. Every scope must be
 * one the resource publishes; `AllPrincipals` has no principalId, `Principal` needs one; one grant per
 * client, resource and principal.
 */
const properties = ["id", "clientId", "consentType", "principalId", "resourceId", "scope"];

function scopesChecked(state: EmulatorState, resourceId: string, scope: unknown): string {
  const resource = state.servicePrincipals.find((sp) => sp.id === resourceId);
  if (!resource) throw resourceNotFound(resourceId);
  if (typeof scope !== "string") throw badRequest("Invalid value specified for property 'scope' of resource 'OAuth2PermissionGrant'.");
  const values = scope.split(" ").filter(Boolean);
  const unknown = values.find((value) => !(resource.publishedScopes ?? []).some((published) => published.value === value));
  if (unknown) throw badRequest(`The scope '${unknown}' is not published by the resource application '${resource.appId}'.`);
  return values.join(" ");
}

function grantFrom(state: EmulatorState, body: Record<string, unknown>): OAuth2PermissionGrantRecord {
  const clientId = guidProperty(body, "clientId", "OAuth2PermissionGrant");
  const resourceId = guidProperty(body, "resourceId", "OAuth2PermissionGrant");
  if (!state.servicePrincipals.some((sp) => sp.id === clientId)) throw resourceNotFound(clientId);
  const consentType = body.consentType;
  if (consentType !== "AllPrincipals" && consentType !== "Principal") throw badRequest("Invalid value specified for property 'consentType' of resource 'OAuth2PermissionGrant'.");
  const principalId = consentType === "Principal" ? guidProperty(body, "principalId", "OAuth2PermissionGrant") : null;
  if (consentType === "AllPrincipals" && body.principalId !== undefined && body.principalId !== null) throw badRequest("principalId must be null when consentType is AllPrincipals.");
  if (principalId && !state.users.some((user) => user.id === principalId)) throw resourceNotFound(principalId);
  const scope = scopesChecked(state, resourceId, body.scope);
  if (state.oauth2PermissionGrants.some((grant) => grant.clientId === clientId && grant.resourceId === resourceId && grant.principalId === principalId)) {
    throw new GraphQueryError(409, "Request_MultipleObjectsWithSameKeyValue", "Permission entry already exists.");
  }
  return { id: randomBytes(32).toString("base64url").slice(0, 43), clientId, consentType, principalId, resourceId, scope };
}

/** Handles `/v1.0/oauth2PermissionGrants…`; false for any other path. */
export async function permissionGrantRoutes(exchange: Exchange, runtime: Runtime, parts: string[]): Promise<boolean> {
  const [collection, key, ...more] = parts;
  if (collection !== "oauth2PermissionGrants") return false;
  if (more.length > 0) throw new GraphQueryError(400, "BadRequest", `Resource not found for the segment '${more[0] ?? ""}'.`);
  const state = runtime.state();
  if (key === undefined) {
    if (exchange.method === "GET") {
      sendCollection(exchange, runtime, { items: state.oauth2PermissionGrants.map((grant) => ({ ...grant })), entitySet: "oauth2PermissionGrants", typeName: "oAuth2PermissionGrant", properties, searchable: [], filterable: ["clientId", "resourceId", "consentType", "principalId"] });
      return true;
    }
    if (exchange.method !== "POST") throw new GraphQueryError(405, "Request_BadRequest", "Method not allowed.");
    const grant = grantFrom(state, await readObject(exchange));
    state.oauth2PermissionGrants.push(grant);
    sendCreated(exchange, "oauth2PermissionGrants", { ...grant });
    return true;
  }
  const grant = state.oauth2PermissionGrants.find((candidate) => candidate.id === key);
  if (!grant) throw resourceNotFound(key);
  if (exchange.method === "GET") sendEntity(exchange, "oauth2PermissionGrants", { ...grant });
  else if (exchange.method === "DELETE") {
    state.oauth2PermissionGrants = state.oauth2PermissionGrants.filter((candidate) => candidate !== grant);
    sendNoContent(exchange);
  } else if (exchange.method === "PATCH") {
    grant.scope = scopesChecked(state, grant.resourceId, (await readObject(exchange)).scope);
    sendNoContent(exchange);
  } else throw new GraphQueryError(405, "Request_BadRequest", "Method not allowed.");
  return true;
}
