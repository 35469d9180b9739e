import type { DirectoryGroup, DirectoryUser, ServicePrincipal } from "../state";
import type { DirectoryRecord } from "./query";

/** Directory objects as Graph v1.0 returns them (default property sets plus what $select may add). */
export const userProperties = ["id", "businessPhones", "displayName", "givenName", "jobTitle", "mail", "mobilePhone", "officeLocation", "preferredLanguage", "surname", "userPrincipalName", "accountEnabled"];
export const userSearchable = ["displayName", "mail", "userPrincipalName", "givenName", "surname", "jobTitle"];
export const userFilterable = ["id", "displayName", "mail", "userPrincipalName", "givenName", "surname", "jobTitle"];
export const groupProperties = ["id", "deletedDateTime", "classification", "createdDateTime", "description", "displayName", "groupTypes", "mail", "mailEnabled", "mailNickname", "securityEnabled", "visibility"];
export const groupSearchable = ["displayName", "description", "mail", "mailNickname"];
export const groupFilterable = ["id", "displayName", "mail", "mailNickname", "description"];

export function userObject(user: DirectoryUser, withExtras = false): DirectoryRecord {
  return {
    id: user.id, businessPhones: [], displayName: user.displayName, givenName: user.givenName, jobTitle: user.jobTitle,
    mail: user.mail, mobilePhone: null, officeLocation: null, preferredLanguage: "en-GB", surname: user.surname,
    userPrincipalName: user.userPrincipalName, ...(withExtras ? { accountEnabled: user.accountEnabled } : {}),
  };
}

export function groupObject(group: DirectoryGroup): DirectoryRecord {
  return {
    id: group.id, deletedDateTime: null, classification: null, createdDateTime: "2024-03-01T09:00:00Z", description: group.description,
    displayName: group.displayName, groupTypes: [], mail: null, mailEnabled: false, mailNickname: group.mailNickname,
    securityEnabled: group.securityEnabled, visibility: null,
  };
}

export const servicePrincipalProperties = [
  "id", "accountEnabled", "appDisplayName", "appId", "appRoleAssignmentRequired", "appRoles", "displayName", "oauth2PermissionScopes",
  "replyUrls", "servicePrincipalNames", "servicePrincipalType", "signInAudience", "tags",
];
export const servicePrincipalFilterable = ["id", "appId", "displayName", "servicePrincipalNames"];
export const servicePrincipalSearchable = ["displayName"];

/**
 * `servicePrincipalNames` holds the appId (and the app's identifier URIs, which the seeded apps do not
 * have); `appRoles` and `oauth2PermissionScopes` are the permissions the app publishes (Microsoft Graph's).
 */
export function servicePrincipalObject(sp: ServicePrincipal): DirectoryRecord {
  return {
    id: sp.id, accountEnabled: true, appDisplayName: sp.displayName, appId: sp.appId, appRoleAssignmentRequired: false,
    appRoles: (sp.publishedAppRoles ?? []).map((role) => ({ allowedMemberTypes: ["Application"], description: role.description, displayName: role.displayName, id: role.id, isEnabled: true, origin: "Application", value: role.value })),
    displayName: sp.displayName,
    oauth2PermissionScopes: (sp.publishedScopes ?? []).map((scope) => ({
      adminConsentDescription: scope.description, adminConsentDisplayName: scope.displayName, id: scope.id, isEnabled: true, type: "User",
      userConsentDescription: scope.description, userConsentDisplayName: scope.displayName, value: scope.value,
    })),
    replyUrls: sp.redirectUris, servicePrincipalNames: [sp.appId], servicePrincipalType: "Application", signInAudience: "AzureADMyOrg", tags: [],
  };
}

export function withType(item: DirectoryRecord, type: "user" | "group" | "servicePrincipal"): DirectoryRecord {
  return { "@odata.type": `#microsoft.graph.${type}`, ...item };
}
