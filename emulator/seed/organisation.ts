import { localDemoOrganisation } from "../../lib/config/local-mode";
import type { DirectoryGroup, DirectoryUser, ServicePrincipal, Subscription } from "../state";

/**
 * The demo organisation: who exists in the emulated tenant. Importable by the app's tenant seed and
 * by tests so they can refer to personas, groups and teams by name instead of by GUID.
 */
export const tenantDomain = "clusterdesk-demo.onmicrosoft.com";
/** Every demo user signs in with this password on the emulator's sign-in form. */
export const demoPassword = "Clusterdesk-demo-1";

const [adminGroupId = "", auditorGroupId = ""] = [localDemoOrganisation.adminGroupIds[0], localDemoOrganisation.auditorGroupIds[0]];
const [productionSubscriptionId = "", nonProductionSubscriptionId = ""] = localDemoOrganisation.subscriptionIds;

export const demoGroups = {
  clusterdeskAdmins: adminGroupId,
  clusterdeskAuditors: auditorGroupId,
  paymentsOwners: "a0000000-0000-4000-8000-0000000000b1",
  paymentsMembers: "a0000000-0000-4000-8000-0000000000b2",
  searchOwners: "a0000000-0000-4000-8000-0000000000c1",
  searchMembers: "a0000000-0000-4000-8000-0000000000c2",
  analyticsOwners: "a0000000-0000-4000-8000-0000000000d1",
  analyticsMembers: "a0000000-0000-4000-8000-0000000000d2",
  allEngineering: "a0000000-0000-4000-8000-0000000000e1",
} as const;

/** The portal's teams ("tenants" in Clusterdesk's words) and the Entra groups that own them. */
export const demoTeams = {
  payments: { ownersGroupId: demoGroups.paymentsOwners, membersGroupId: demoGroups.paymentsMembers, namespaces: ["payments-dev", "payments-prod"] },
  search: { ownersGroupId: demoGroups.searchOwners, membersGroupId: demoGroups.searchMembers, namespaces: ["search-dev", "search-prod"] },
  analytics: { ownersGroupId: demoGroups.analyticsOwners, membersGroupId: demoGroups.analyticsMembers, namespaces: ["analytics-dev"] },
} as const;

export const demoUsers = {
  admin: "10000000-0000-4000-8000-000000000001",
  paymentsLead: "10000000-0000-4000-8000-000000000002",
  searchLead: "10000000-0000-4000-8000-000000000003",
  auditor: "10000000-0000-4000-8000-000000000004",
  member: "10000000-0000-4000-8000-000000000005",
  overage: "10000000-0000-4000-8000-000000000006",
  paymentsEngineer: "10000000-0000-4000-8000-000000000007",
  searchEngineer: "10000000-0000-4000-8000-000000000008",
  analyticsLead: "10000000-0000-4000-8000-000000000009",
  analyticsEngineer: "10000000-0000-4000-8000-00000000000a",
  platformEngineer: "10000000-0000-4000-8000-00000000000b",
  formerEmployee: "10000000-0000-4000-8000-00000000000c",
} as const;
export type DemoPersona = keyof typeof demoUsers;

export const demoSubscriptions = { production: productionSubscriptionId, nonProduction: nonProductionSubscriptionId } as const;

/** Service principals: Clusterdesk's own identity, a CI deployer, and the AKS server application (token audience only). */
export const demoServicePrincipals = {
  clusterdesk: { id: "5e000000-0000-4000-8000-000000000001", appId: localDemoOrganisation.clientId },
  ciDeployer: { id: "5e000000-0000-4000-8000-000000000002", appId: "c1000000-0000-4000-8000-000000000002", secret: "ci-deployer-local-secret" },
} as const;

/** How many groups make a token carry the overage claim instead of `groups` (Entra's JWT limit). */
export const defaultGroupsOverageLimit = 200;
const legacyGroupCount = defaultGroupsOverageLimit + 10;

function person(id: string, given: string, surname: string, login: string, jobTitle: string, extra: Partial<DirectoryUser> = {}): DirectoryUser {
  const userPrincipalName = `${login}@${tenantDomain}`;
  return { id, userPrincipalName, displayName: `${given} ${surname}`, givenName: given, surname, mail: userPrincipalName, jobTitle, accountEnabled: true, appRoles: [], ...extra };
}

export function seedUsers(): DirectoryUser[] {
  const u = demoUsers;
  return [
    person(u.admin, "Alex", "Admin", "alex.admin", "Platform Administrator"),
    person(u.paymentsLead, "Priya", "Patel", "priya.patel", "Team Lead, Payments"),
    person(u.searchLead, "Sofia", "Rossi", "sofia.rossi", "Team Lead, Search"),
    person(u.auditor, "Olu", "Adeyemi", "olu.adeyemi", "Security Auditor"),
    person(u.member, "Max", "Müller", "max.mueller", "Software Engineer, Payments"),
    person(u.overage, "Gwen", "Manygroups", "gwen.manygroups", "Programme Manager"),
    person(u.paymentsEngineer, "Liam", "O'Brien", "liam.obrien", "Software Engineer, Payments"),
    person(u.searchEngineer, "Chen", "Wei", "chen.wei", "Software Engineer, Search"),
    person(u.analyticsLead, "Dana", "Okafor", "dana.okafor", "Team Lead, Analytics"),
    person(u.analyticsEngineer, "Aliyu", "Bello", "aliyu.bello", "Data Engineer, Analytics"),
    person(u.platformEngineer, "Alice", "Nguyen", "alice.nguyen", "Platform Engineer"),
    person(u.formerEmployee, "Frank", "Former", "frank.former", "Former Employee", { accountEnabled: false }),
  ];
}

function group(id: string, displayName: string, description: string, members: string[]): DirectoryGroup {
  const mailNickname = displayName.toLowerCase().replace(/[^a-z0-9]+/g, "-");
  return { id, displayName, description, mailNickname, securityEnabled: true, members };
}

export function legacyGroupId(index: number): string {
  return `a1000000-0000-4000-8000-${index.toString(16).padStart(12, "0")}`;
}

export function seedGroups(): DirectoryGroup[] {
  const g = demoGroups;
  const u = demoUsers;
  const legacy = Array.from({ length: legacyGroupCount }, (_, index) =>
    group(legacyGroupId(index + 1), `Legacy distribution ${String(index + 1).padStart(3, "0")}`, "Migrated from the old mail system", [u.overage]),
  );
  return [
    group(g.clusterdeskAdmins, "Clusterdesk Admins", "Platform administrators: see and change every cluster", [u.admin, u.platformEngineer]),
    group(g.clusterdeskAuditors, "Clusterdesk Auditors", "Read-only access to every cluster and the audit log", [u.auditor, u.overage]),
    group(g.paymentsOwners, "Team Payments Owners", "Leads of the payments team", [u.paymentsLead]),
    group(g.paymentsMembers, "Team Payments Members", "Engineers of the payments team", [u.member, u.paymentsEngineer, g.paymentsOwners]),
    group(g.searchOwners, "Team Search Owners", "Leads of the search team", [u.searchLead]),
    group(g.searchMembers, "Team Search Members", "Engineers of the search team", [u.searchEngineer, u.overage, g.searchOwners]),
    group(g.analyticsOwners, "Team Analytics Owners", "Leads of the analytics team", [u.analyticsLead]),
    group(g.analyticsMembers, "Team Analytics Members", "Engineers of the analytics team", [u.analyticsEngineer, g.analyticsOwners]),
    group(g.allEngineering, "All Engineering", "Every engineering team (nested groups)", [g.paymentsMembers, g.searchMembers, g.analyticsMembers, u.platformEngineer]),
    ...legacy,
  ];
}

export function seedServicePrincipals(): ServicePrincipal[] {
  return [
    {
      id: demoServicePrincipals.clusterdesk.id,
      appId: localDemoOrganisation.clientId,
      displayName: "Clusterdesk",
      secret: localDemoOrganisation.clientSecret,
      redirectUris: [],
      // Application permission granted to Clusterdesk: notifications through Graph sendMail.
      appRoles: ["Mail.Send"],
    },
    {
      id: demoServicePrincipals.ciDeployer.id,
      appId: demoServicePrincipals.ciDeployer.appId,
      displayName: "CI deployer",
      secret: demoServicePrincipals.ciDeployer.secret,
      redirectUris: [],
      appRoles: [],
    },
  ];
}

export function seedSubscriptions(): Subscription[] {
  return [
    {
      subscriptionId: demoSubscriptions.production,
      displayName: "Clusterdesk Demo - Production",
      resourceGroups: [
        { name: "rg-payments-prod", location: "westeurope", tags: { team: "payments", environment: "prod" } },
        { name: "rg-search-prod", location: "northeurope", tags: { team: "search", environment: "prod" } },
        { name: "rg-platform-prod", location: "westeurope", tags: { team: "platform", environment: "prod" } },
      ],
    },
    {
      subscriptionId: demoSubscriptions.nonProduction,
      displayName: "Clusterdesk Demo - Non-production",
      resourceGroups: [
        { name: "rg-dev", location: "westeurope", tags: { environment: "dev" } },
        { name: "rg-sandbox", location: "eastus", tags: { environment: "sandbox" } },
        { name: "rg-empty", location: "westeurope", tags: {} },
      ],
    },
  ];
}
