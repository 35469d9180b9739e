import { findServicePrincipalByAppId, findUser } from "../directory";
import { sendJson, type Exchange } from "../http/exchange";
import type { EmulatorState, ServicePrincipal } from "../state";
import { resolveResource } from "./audiences";
import { emulatorResourceIds } from "./instance-discovery";
import { clientInfo } from "./claims";
import { withConsentedRoles } from "./consented-roles";
import { pkceMatches, type GrantStore } from "./grants";
import { sendOAuthError } from "./oauth-errors";
import type { TokenService } from "./token-service";
import { isCertificateAssertion, verifyCertificateAssertion } from "./certificate-credentials";
import { clientAssertionType, clusterIssuers, matchingFederatedCredential, type WorkloadIdentityIssuers } from "./workload-identity";

/** POST /{tenant}/oauth2/v2.0/token: authorization_code (with PKCE), refresh_token and client_credentials. */
export type TokenEndpointContext = { state: () => EmulatorState; grants: GrantStore; tokens: TokenService; baseUrl: () => string; workloadIdentity: WorkloadIdentityIssuers };

/**
 * Besides the first-party resources: the calling app's own id, and the emulator's URLs, which a custom
 * cloud names as its Microsoft Graph resource id (the token's audience is then that URL, as Entra puts
 * an identifier URI in `aud`).
 */
function knownResources(context: TokenEndpointContext, application: ServicePrincipal): Record<string, string> {
  const own = Object.fromEntries(emulatorResourceIds(context.baseUrl()).map((id) => [id, id]));
  return { ...own, [application.appId]: application.appId };
}

function clientCredentials(exchange: Exchange, form: URLSearchParams): { id: string; secret: string } {
  const basic = /^Basic (.+)$/i.exec(exchange.header("authorization") ?? "");
  if (basic?.[1]) {
    const [id = "", secret = ""] = Buffer.from(basic[1], "base64").toString("utf8").split(":").map(decodeURIComponent);
    return { id, secret };
  }
  return { id: form.get("client_id") ?? "", secret: form.get("client_secret") ?? "" };
}

/**
 * A client assertion: signed with a certificate registered on the app (its thumbprint in the header),
 * or federated (workload identity): a token of an emulated cluster's OIDC issuer that one of the app's
 * federated identity credentials names by issuer, subject and audience.
 */
async function authenticateByAssertion(exchange: Exchange, form: URLSearchParams, context: TokenEndpointContext, application: ServicePrincipal): Promise<ServicePrincipal | undefined> {
  if (form.get("client_assertion_type") !== clientAssertionType) {
    sendOAuthError(exchange, 400, "invalid_request", 900023, `AADSTS900023: Specified client_assertion_type '${form.get("client_assertion_type") ?? ""}' is not supported.`);
    return undefined;
  }
  const assertion = form.get("client_assertion") ?? "";
  if (isCertificateAssertion(assertion)) {
    // The audience is the token endpoint: the one called, or the tenant's v2/v1 endpoint by id.
    const tenantEndpoint = `${context.baseUrl()}/${context.state().tenantId}/oauth2`;
    const verdict = await verifyCertificateAssertion(assertion, application, [`${context.baseUrl()}${exchange.path}`, `${tenantEndpoint}/v2.0/token`, `${tenantEndpoint}/token`]);
    if (verdict.ok) return application;
    sendOAuthError(exchange, verdict.status, verdict.error, verdict.code, verdict.description);
    return undefined;
  }
  const verified = await context.workloadIdentity.verify(form.get("client_assertion") ?? "", clusterIssuers(context.state()));
  if (!verified.ok) {
    sendOAuthError(exchange, 401, "invalid_client", verified.code, verified.description);
    return undefined;
  }
  if (!matchingFederatedCredential(application, verified.claims)) {
    const { iss = "", sub = "", aud = "" } = verified.claims;
    sendOAuthError(exchange, 400, "invalid_request", 70021, `AADSTS70021: No matching federated identity record found for presented assertion. Assertion Issuer: '${iss}'. Assertion Subject: '${sub}'. Assertion Audience: '${Array.isArray(aud) ? aud.join(",") : aud}'.`);
    return undefined;
  }
  return application;
}

async function authenticateClient(exchange: Exchange, form: URLSearchParams, context: TokenEndpointContext): Promise<ServicePrincipal | undefined> {
  const { id, secret } = clientCredentials(exchange, form);
  const state = context.state();
  const application = findServicePrincipalByAppId(state, id);
  if (!application) {
    sendOAuthError(exchange, 400, "unauthorized_client", 700016, `AADSTS700016: Application with identifier '${id}' was not found in the directory '${state.tenantId}'.`);
    return undefined;
  }
  if (form.has("client_assertion")) return authenticateByAssertion(exchange, form, context, application);
  if (!secret || application.secret !== secret) {
    sendOAuthError(exchange, 401, "invalid_client", 7000215, "AADSTS7000215: Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID, for a secret added to app.");
    return undefined;
  }
  return application;
}

async function userTokens(exchange: Exchange, context: TokenEndpointContext, application: ServicePrincipal, userId: string, scope: string, nonce: string | undefined) {
  const state = context.state();
  const user = findUser(state, userId);
  const resource = resolveResource(scope, knownResources(context, application));
  if (!resource.ok) return sendOAuthError(exchange, 400, resource.error, resource.code, resource.description);
  if (!user || !user.accountEnabled) return sendOAuthError(exchange, 400, "invalid_grant", 50057, "AADSTS50057: The user account is disabled.");
  const subject = { kind: "user", user } as const;
  const wantsIdToken = /\bopenid\b/.test(scope);
  sendJson(exchange, 200, {
    token_type: "Bearer",
    scope: [...resource.scopes, ...scope.split(/\s+/).filter((item) => ["openid", "profile", "email", "offline_access"].includes(item))].join(" "),
    expires_in: context.tokens.lifetimeSeconds,
    ext_expires_in: context.tokens.lifetimeSeconds,
    access_token: await context.tokens.accessToken(subject, resource.audience, application.appId, resource.delegatedScopes),
    refresh_token: context.grants.issueRefreshToken({ clientId: application.appId, userId: user.id }),
    ...(wantsIdToken ? { id_token: await context.tokens.idToken(subject, application.appId, nonce) } : {}),
    client_info: clientInfo(user.id, state.tenantId),
  }, { "cache-control": "no-store", pragma: "no-cache" });
}

export async function handleToken(exchange: Exchange, context: TokenEndpointContext): Promise<void> {
  const form = new URLSearchParams(await exchange.body());
  const grantType = form.get("grant_type");
  const application = await authenticateClient(exchange, form, context);
  if (!application) return;
  if (grantType === "client_credentials") {
    const scope = form.get("scope") ?? "";
    if (!scope.trim().endsWith("/.default")) {
      return sendOAuthError(exchange, 400, "invalid_scope", 1002012, `AADSTS1002012: The provided value for scope ${scope} is not valid. Client credential flows must have a scope value with /.default suffixed to the resource identifier (application ID URI).`);
    }
    const resource = resolveResource(scope, knownResources(context, application));
    if (!resource.ok) return sendOAuthError(exchange, 400, resource.error, resource.code, resource.description);
    const servicePrincipal = withConsentedRoles(context.state(), application, resource.audience, context.baseUrl());
    const accessToken = await context.tokens.accessToken({ kind: "app", servicePrincipal }, resource.audience, application.appId, []);
    return sendJson(exchange, 200, { token_type: "Bearer", expires_in: context.tokens.lifetimeSeconds, ext_expires_in: context.tokens.lifetimeSeconds, access_token: accessToken }, { "cache-control": "no-store" });
  }
  if (grantType === "authorization_code") {
    const grant = context.grants.code(form.get("code") ?? "");
    if (!grant || grant.clientId !== application.appId || grant.expiresAt < Date.now()) {
      return sendOAuthError(exchange, 400, "invalid_grant", 70008, "AADSTS70008: The provided authorization code or refresh token has expired due to inactivity. Send a new interactive authorization request for this user and resource.");
    }
    if (grant.redeemed) return sendOAuthError(exchange, 400, "invalid_grant", 54005, "AADSTS54005: OAuth2 Authorization code was already redeemed, please retry with a new valid code or use an existing refresh token.");
    grant.redeemed = true;
    if (form.get("redirect_uri") !== grant.redirectUri) {
      return sendOAuthError(exchange, 400, "invalid_grant", 500112, "AADSTS500112: The reply address does not match the reply address provided when requesting Authorization code.");
    }
    if (!pkceMatches(form.get("code_verifier") ?? "", grant.codeChallenge)) {
      return sendOAuthError(exchange, 400, "invalid_grant", 501481, "AADSTS501481: The Code_Verifier does not match the code_challenge supplied in the authorization request.");
    }
    return userTokens(exchange, context, application, grant.userId, form.get("scope") ?? grant.scope, grant.nonce);
  }
  if (grantType === "refresh_token") {
    const grant = context.grants.refreshToken(form.get("refresh_token") ?? "");
    if (!grant || grant.clientId !== application.appId) {
      return sendOAuthError(exchange, 400, "invalid_grant", 9002313, "AADSTS9002313: Invalid request. Request is malformed or invalid.");
    }
    return userTokens(exchange, context, application, grant.userId, form.get("scope") ?? "openid profile offline_access", undefined);
  }
  sendOAuthError(exchange, 400, "unsupported_grant_type", 70003, `AADSTS70003: The app requested an unsupported grant type '${grantType ?? ""}'.`);
}
