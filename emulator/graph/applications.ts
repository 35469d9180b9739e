import { randomUUID } from "node:crypto";
import type { Exchange } from "../http/exchange";
import type { Runtime } from "../runtime";
import type { EmulatorState, GraphApplication, GraphFederatedCredential } from "../state";
import { applyApplicationProperties } from "./application-properties";
import { sendCollection } from "./collections";
import { federatedCredentialRoutes } from "./federated-credentials";
import { GraphQueryError, type DirectoryRecord } from "./query";
import { alternateKey, badRequest, readObject, resourceNotFound, sendCreated, sendEntity, sendNoContent } from "./write-support";

/**
 * `/v1.0/applications`: list ($filter on displayName, appId, identifierUris), get by object id or
 * `applications(appId='…')`, create (a new object id and appId), PATCH, DELETE, and the app's
 * federatedIdentityCredentials (learn.microsoft.com/graph/api/resources/application). What the token
 * endpoint reads of an app registration (redirect URIs, federated credentials) is copied onto its
 * service principal after every change (`syncServicePrincipal`).
 */
const wireWithout = ({ federatedIdentityCredentials, ...wire }: GraphApplication): DirectoryRecord => {
  void federatedIdentityCredentials;
  return wire;
};

function newApplication(publisherDomain: string): GraphApplication {
  return {
    id: randomUUID(), deletedDateTime: null, appId: randomUUID(), applicationTemplateId: null, createdDateTime: new Date().toISOString().replace(/\.\d+Z$/, "Z"),
    displayName: "", description: null, groupMembershipClaims: null, identifierUris: [], isFallbackPublicClient: null, notes: null,
    publisherDomain, signInAudience: "AzureADMyOrg", tags: [], tokenEncryptionKeyId: null, optionalClaims: null,
    addIns: [], api: { acceptMappedClaims: null, knownClientApplications: [], requestedAccessTokenVersion: null, oauth2PermissionScopes: [], preAuthorizedApplications: [] },
    appRoles: [], info: { logoUrl: null, marketingUrl: null, privacyStatementUrl: null, supportUrl: null, termsOfServiceUrl: null },
    keyCredentials: [], passwordCredentials: [], publicClient: { redirectUris: [] }, requiredResourceAccess: [], spa: { redirectUris: [] },
    web: { homePageUrl: null, logoutUrl: null, redirectUris: [], implicitGrantSettings: { enableAccessTokenIssuance: false, enableIdTokenIssuance: false }, redirectUriSettings: [] },
    federatedIdentityCredentials: [],
  };
}

/** The token endpoint reads redirect URIs and federated credentials from the service principal record. */
export function syncServicePrincipal(state: EmulatorState, application: GraphApplication): void {
  const sp = state.servicePrincipals.find((candidate) => candidate.appId === application.appId);
  if (!sp) return;
  const web = application.web as { redirectUris?: string[] } | undefined;
  sp.displayName = application.displayName;
  sp.redirectUris = [...(web?.redirectUris ?? [])];
  sp.federatedCredentials = application.federatedIdentityCredentials.map(({ name, issuer, subject, audiences }) => ({ name, issuer, subject, audiences: [...audiences] }));
}

export function findApplication(state: EmulatorState, segment: string): GraphApplication {
  const alternate = alternateKey(segment);
  const key = decodeURIComponent(segment).toLowerCase();
  const found = alternate
    ? state.applications.find((application) => application.appId === alternate.appId)
    : state.applications.find((application) => application.id === key);
  if (!found) throw resourceNotFound(alternate ? alternate.appId : key);
  return found;
}

const applicationProperties = Object.keys(wireWithout(newApplication("")));
const listSpec = (items: DirectoryRecord[]) => ({
  items, entitySet: "applications", typeName: "application", properties: applicationProperties, searchable: ["displayName"],
  filterable: ["id", "appId", "displayName", "identifierUris", "signInAudience", "publisherDomain"],
});

async function create(exchange: Exchange, state: EmulatorState): Promise<void> {
  const body = await readObject(exchange);
  if (body.displayName === undefined) throw badRequest("Property 'displayName' is required.");
  const application = applyApplicationProperties(newApplication(state.tenantDomain), body);
  state.applications.push(application);
  sendCreated(exchange, "applications", wireWithout(application));
}

async function update(exchange: Exchange, state: EmulatorState, application: GraphApplication): Promise<void> {
  const changed = applyApplicationProperties(application, await readObject(exchange));
  state.applications = state.applications.map((candidate) => (candidate.id === application.id ? changed : candidate));
  syncServicePrincipal(state, changed);
  sendNoContent(exchange);
}

/** Deleting an app registration deletes its service principal and that principal's consents. */
function remove(exchange: Exchange, state: EmulatorState, application: GraphApplication): void {
  const sp = state.servicePrincipals.find((candidate) => candidate.appId === application.appId);
  state.applications = state.applications.filter((candidate) => candidate.id !== application.id);
  if (sp) {
    state.servicePrincipals = state.servicePrincipals.filter((candidate) => candidate.id !== sp.id);
    state.appRoleAssignments = state.appRoleAssignments.filter((assignment) => assignment.principalId !== sp.id);
    state.oauth2PermissionGrants = state.oauth2PermissionGrants.filter((grant) => grant.clientId !== sp.id);
  }
  sendNoContent(exchange);
}

/** Handles `/v1.0/applications…`; false for any other path. */
export async function applicationRoutes(exchange: Exchange, runtime: Runtime, parts: string[]): Promise<boolean> {
  const [collection = "", ...rest] = parts;
  const alternate = alternateKey(collection);
  if (collection !== "applications" && alternate?.collection !== "applications") return false;
  const state = runtime.state();
  if (!alternate && rest.length === 0) {
    if (exchange.method === "GET") sendCollection(exchange, runtime, listSpec(state.applications.map(wireWithout)));
    else if (exchange.method === "POST") await create(exchange, state);
    else throw new GraphQueryError(405, "Request_BadRequest", "Method not allowed.");
    return true;
  }
  const application = findApplication(state, alternate ? collection : (rest[0] ?? ""));
  const [nested, ...more] = alternate ? rest : rest.slice(1);
  if (nested === "federatedIdentityCredentials") {
    await federatedCredentialRoutes(exchange, runtime, application, more, (credentials: GraphFederatedCredential[]) => {
      application.federatedIdentityCredentials = credentials;
      syncServicePrincipal(state, application);
    });
    return true;
  }
  if (nested !== undefined) throw new GraphQueryError(400, "BadRequest", `Resource not found for the segment '${nested}'.`);
  if (exchange.method === "GET") sendEntity(exchange, "applications", wireWithout(application));
  else if (exchange.method === "PATCH") await update(exchange, state, application);
  else if (exchange.method === "DELETE") remove(exchange, state, application);
  else throw new GraphQueryError(405, "Request_BadRequest", "Method not allowed.");
  return true;
}
