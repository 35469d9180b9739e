import type { PublishedPermission, ServicePrincipal } from "../state";

/**
 * Microsoft Graph's own service principal, present in every tenant, with the real, tenant-independent ids
 * of the permissions Clusterdesk and its set-up use (learn.microsoft.com/graph/permissions-reference;
 * `GET /servicePrincipals(appId='00000003-0000-0000-c000-000000000000')` lists all of them). Only its
 * object id is the emulator's own: Entra gives it a different one in each tenant.
 */
export const microsoftGraphAppId = "00000003-0000-0000-c000-000000000000";
export const microsoftGraphServicePrincipalId = "5e000000-0000-4000-8000-0000000000a0";

const permission = (id: string, value: string, displayName: string, description: string): PublishedPermission => ({ id, value, displayName, description });

/** Application permissions (Graph `appRoles`). */
export const microsoftGraphAppRoles: PublishedPermission[] = [
  permission("df021288-bdef-4463-88db-98f22de89214", "User.Read.All", "Read all users' full profiles", "Allows the app to read user profiles without a signed in user."),
  permission("98830695-27a2-44f7-8c18-0c3ebc9698f6", "GroupMember.Read.All", "Read all group memberships", "Allows the app to read memberships and basic group properties for all groups without a signed-in user."),
  permission("5b567255-7703-4780-807c-7be8301ae99b", "Group.Read.All", "Read all groups", "Allows the app to read group properties and memberships, and read conversations for all groups, without a signed-in user."),
  permission("7ab1d382-f21e-4acd-a863-ba3e13f7da61", "Directory.Read.All", "Read directory data", "Allows the app to read data in your organization's directory, such as users, groups and apps, without a signed-in user."),
  permission("9a5d68dd-52b0-4cc2-bd40-abcf44ac3a30", "Application.Read.All", "Read all applications", "Allows the app to read all applications and service principals without a signed-in user."),
  permission("1bfefb4e-e0b5-418b-a88f-73c46d2cc8e9", "Application.ReadWrite.All", "Read and write all applications", "Allows the app to create, read, update and delete applications and service principals without a signed-in user."),
  permission("06b708a9-e830-4db3-a914-8e69da51d44f", "AppRoleAssignment.ReadWrite.All", "Manage app permission grants and app role assignments", "Allows the app to manage permission grants for application permissions to any API and application assignments for any app, without a signed-in user."),
  permission("b633e1c5-b582-4048-a93e-9f11b44c7e96", "Mail.Send", "Send mail as any user", "Allows the app to send mail as any user without a signed-in user."),
];

/** Delegated permissions (Graph `oauth2PermissionScopes`). */
export const microsoftGraphScopes: PublishedPermission[] = [
  permission("37f7f235-527c-4136-accd-4a02d197296e", "openid", "Sign users in", "Allows users to sign in to the app with their work or school accounts."),
  permission("14dad69e-099b-42c9-810b-d002981feec1", "profile", "View users' basic profile", "Allows the app to see your users' basic profile (e.g., name, picture, user name, email address)."),
  permission("64a6cdd6-aab1-4aaf-94b8-3cc8405e90d0", "email", "View users' email address", "Allows the app to read your users' primary email address."),
  permission("7427e0e9-2fba-42fe-b0c0-848c9e6a8182", "offline_access", "Maintain access to data you have given it access to", "Allows the app to see and update the data you gave it access to, even when users are not currently using the app."),
  permission("e1fe6dd8-ba31-4d61-89e7-88639da4683d", "User.Read", "Sign in and read user profile", "Allows users to sign-in to the app, and allows the app to read the profile of signed-in users."),
  permission("e383f46e-2787-4529-855e-0e479a3ffac0", "Mail.Send", "Send mail as a user", "Allows the app to send mail as users in the organization."),
];

export function microsoftGraphServicePrincipal(): ServicePrincipal {
  return {
    id: microsoftGraphServicePrincipalId, appId: microsoftGraphAppId, displayName: "Microsoft Graph", redirectUris: [], appRoles: [],
    publishedAppRoles: microsoftGraphAppRoles, publishedScopes: microsoftGraphScopes,
  };
}
