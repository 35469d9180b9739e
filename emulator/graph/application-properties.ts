import { badRequest, isGuid, isRecord } from "./write-support";

/**
 * The writable properties of a Graph `application` (learn.microsoft.com/graph/api/resources/application)
 * and how a create or PATCH body is checked and applied. Pure: a bad property fails the whole body before
 * anything changes. Complex properties (`web`, `api`, …) are merged, as OData's PATCH does.
 */
type Checker = (value: unknown) => boolean;

const strings = (value: unknown): value is string[] => Array.isArray(value) && value.every((item) => typeof item === "string");
const nullableString: Checker = (value) => value === null || typeof value === "string";
const anyArray: Checker = (value) => Array.isArray(value);
const audiences = ["AzureADMyOrg", "AzureADMultipleOrgs", "AzureADandPersonalMicrosoftAccount", "PersonalMicrosoftAccount"];
const groupClaimValues = ["None", "SecurityGroup", "DirectoryRole", "ApplicationGroup", "All"];

/** Entra takes https redirect URIs, and http only for localhost. */
function redirectUri(value: unknown): boolean {
  if (typeof value !== "string" || value.length > 256) return false;
  try {
    const url = new URL(value);
    return url.protocol === "https:" || (url.protocol === "http:" && ["localhost", "127.0.0.1"].includes(url.hostname));
  } catch {
    return false;
  }
}
const redirectUris = (value: unknown) => Array.isArray(value) && value.length <= 256 && value.every(redirectUri);

function optionalClaims(value: unknown): boolean {
  if (value === null) return true;
  if (!isRecord(value)) return false;
  return Object.entries(value).every(([token, claims]) => ["idToken", "accessToken", "saml2Token"].includes(token) && Array.isArray(claims) && claims.every((claim) =>
    isRecord(claim) && typeof claim.name === "string" && claim.name !== "" && (claim.essential === undefined || typeof claim.essential === "boolean")
    && (claim.source === undefined || nullableString(claim.source)) && (claim.additionalProperties === undefined || strings(claim.additionalProperties))));
}

function requiredResourceAccess(value: unknown): boolean {
  return Array.isArray(value) && value.every((entry) => isRecord(entry) && isGuid(entry.resourceAppId) && Array.isArray(entry.resourceAccess)
    && entry.resourceAccess.every((access) => isRecord(access) && isGuid(access.id) && (access.type === "Role" || access.type === "Scope")));
}

/** Complex properties and the checks of the members a client may set on them. */
const complex: Record<string, Record<string, Checker>> = {
  web: { redirectUris, homePageUrl: nullableString, logoutUrl: nullableString, implicitGrantSettings: isRecord, redirectUriSettings: anyArray },
  spa: { redirectUris },
  publicClient: { redirectUris: (value) => strings(value) },
  api: { acceptMappedClaims: (value) => value === null || typeof value === "boolean", knownClientApplications: anyArray, oauth2PermissionScopes: anyArray, preAuthorizedApplications: anyArray, requestedAccessTokenVersion: (value) => value === null || value === 1 || value === 2 },
  info: { logoUrl: nullableString, marketingUrl: nullableString, privacyStatementUrl: nullableString, supportUrl: nullableString, termsOfServiceUrl: nullableString },
};

const simple: Record<string, Checker> = {
  displayName: (value) => typeof value === "string" && value.trim() !== "" && value.length <= 256,
  description: nullableString,
  notes: nullableString,
  signInAudience: (value) => typeof value === "string" && audiences.includes(value),
  groupMembershipClaims: (value) => value === null || (typeof value === "string" && value.split(",").every((part) => groupClaimValues.includes(part.trim()))),
  identifierUris: (value) => strings(value),
  tags: (value) => strings(value),
  isFallbackPublicClient: (value) => value === null || typeof value === "boolean",
  optionalClaims,
  requiredResourceAccess,
  appRoles: anyArray,
  keyCredentials: anyArray,
  passwordCredentials: anyArray,
};

const unknownProperty = (property: string) => badRequest(`Property '${property}' does not exist on type 'microsoft.graph.application' or is read-only.`);
const invalid = (property: string) => badRequest(`Invalid value specified for property '${property}' of resource 'Application'.`);

/** `application` with `body` applied, or 400 for the first property Graph would refuse. */
export function applyApplicationProperties<T extends Record<string, unknown>>(application: T, body: Record<string, unknown>): T {
  const next: Record<string, unknown> = structuredClone(application);
  for (const [property, value] of Object.entries(body)) {
    const members = complex[property];
    if (members) {
      if (!isRecord(value)) throw invalid(property);
      for (const [member, memberValue] of Object.entries(value)) {
        const check = members[member];
        if (!check) throw unknownProperty(`${property}.${member}`);
        if (!check(memberValue)) throw invalid(`${property}.${member}`);
      }
      next[property] = { ...(isRecord(next[property]) ? next[property] : {}), ...value };
      continue;
    }
    const check = simple[property];
    if (!check) throw unknownProperty(property);
    if (!check(value)) throw invalid(property);
    next[property] = value;
  }
  return next as T;
}

