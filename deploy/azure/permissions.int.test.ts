import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RequestLogEntry } from "@/emulator/control/request-log";
import { createKubernetesSide } from "@/emulator/kubernetes";
import { dataAction } from "@/emulator/kubernetes/authz/data-action";
import { requestInfo } from "@/emulator/kubernetes/request-info";
import { startTestEmulator, type TestEmulator } from "@/emulator/test-support/start-test-emulator";
import { accessRoles } from "@/lib/access/roles";
import { actionMatches, armActionOf } from "@/lib/azure-permissions/arm-action";
import { graphPermissionsOf } from "@/lib/azure-permissions/graph-permission";
import { db } from "@/lib/server/db/client";
import { stopJobQueue } from "@/lib/server/jobs/queue";
import { useEmulator } from "@/test/support";
import { drivePortalFlows, permissionsTenantSlug } from "./portal-flows.test-helper";

/**
 * Issue 16 item 4: the portal's custom role is what the portal really calls. The main flows run
 * against the emulator; every ARM request in its log is mapped to the action ARM authorizes, and every
 * Kubernetes request to the data action AKS's guard checks. The role must allow each of them, and
 * hold nothing that no flow used unless it is listed below with its reason.
 */
type RoleDefinition = { Actions: string[]; NotActions: string[]; DataActions: string[]; NotDataActions: string[]; AssignableScopes: string[] };
const here = import.meta.dirname;
const role = JSON.parse(readFileSync(path.join(here, "clusterdesk-portal-role.json"), "utf8")) as RoleDefinition;
const condition = readFileSync(path.join(here, "role-assignment-condition.txt"), "utf8");
const script = readFileSync(path.join(here, "setup.sh"), "utf8");
/** The Graph application permissions setup.sh grants: its `permissions=(…)` list and what it appends. */
const scriptGraphPermissions = [...script.matchAll(/permissions\+?=\(([^)]*)\)/g)].flatMap((match) => (match[1] ?? "").split(/\s+/).filter(Boolean));

/** In the role on purpose although no flow above calls them, each with why. */
const deliberateExtras: Record<string, string> = {};

const allows = (patterns: string[], denied: string[], action: string) => patterns.some((pattern) => actionMatches(pattern, action)) && !denied.some((pattern) => actionMatches(pattern, action));

/** One example request per action: what a failure names. */
function byAction(entries: RequestLogEntry[], actionOf: (entry: RequestLogEntry) => string | null): Map<string, string> {
  const found = new Map<string, string>();
  for (const entry of entries) {
    // 401 is the bearer challenge before a token: nothing was authorized yet.
    if (entry.status === 401) continue;
    const action = actionOf(entry);
    if (action && !found.has(action.toLowerCase())) found.set(action.toLowerCase(), `${entry.method} ${entry.path} → ${entry.status}`);
  }
  return found;
}

/** The data action of a request to an emulated API server (`/k8s/{subscription}/{group}/{cluster}/…`). */
function kubernetesDataAction(entry: RequestLogEntry): string | null {
  const match = /^\/k8s\/[^/]+\/[^/]+\/[^/]+(\/[^?]*)(?:\?(.*))?$/.exec(entry.path);
  if (!match) return null;
  const info = requestInfo(entry.method, match[1] ?? "/", new URLSearchParams(match[2] ?? ""));
  if (info.kind !== "resource") return null;
  return dataAction({ verb: info.verb, resourceRequest: true, apiGroup: info.type.group, resource: info.type.resource, subresource: info.subresource, namespace: info.namespace, name: info.name, path: "" });
}

let emulator: TestEmulator;
let armActions = new Map<string, string>();
let dataActions = new Map<string, string>();
let graphCalls: Array<{ call: string; permissions: string[] | "unknown" }> = [];
beforeAll(async () => {
  emulator = await startTestEmulator({ kubernetes: createKubernetesSide });
  useEmulator(emulator.url);
  emulator.clearRequests();
  await drivePortalFlows();
  const log = emulator.requests();
  armActions = byAction(log, (entry) => armActionOf(entry.method, entry.path));
  dataActions = byAction(log, kubernetesDataAction);
  graphCalls = log.flatMap((entry) => {
    const permissions = entry.status === 401 ? null : graphPermissionsOf(entry.method, entry.path);
    return permissions ? [{ call: `${entry.method} ${entry.path} → ${entry.status}`, permissions }] : [];
  });
}, 240_000);
afterAll(async () => {
  await db().tenantEnvironment.deleteMany({ where: { tenant: { slug: permissionsTenantSlug } } });
  await stopJobQueue();
  await emulator?.dispose();
});

describe("the portal's custom role (deploy/azure/clusterdesk-portal-role.json)", () => {
  it("the flows reached ARM and the clusters (the log is not empty)", () => {
    expect(armActions.size).toBeGreaterThan(10);
    expect([...armActions.keys()]).toEqual(expect.arrayContaining(["microsoft.authorization/roleassignments/write", "microsoft.containerservice/managedclusters/write"]));
    expect(dataActions.size).toBeGreaterThan(0);
  });

  it("allows every ARM operation the portal made", () => {
    const missing = [...armActions].filter(([action]) => !allows(role.Actions, role.NotActions, action)).map(([action, example]) => `${action} (e.g. ${example})`);
    expect(missing, `actions the role lacks:\n${missing.join("\n")}`).toEqual([]);
  });

  it("allows every Kubernetes request the portal made on the clusters", () => {
    const missing = [...dataActions].filter(([action]) => !allows(role.DataActions, role.NotDataActions, action)).map(([action, example]) => `${action} (e.g. ${example})`);
    expect(missing, `data actions the role lacks:\n${missing.join("\n")}`).toEqual([]);
  });

  it("holds nothing that no flow used, except the deliberate extras", () => {
    const unused = (patterns: string[], used: Map<string, string>) =>
      patterns.filter((pattern) => !(pattern in deliberateExtras) && ![...used.keys()].some((action) => actionMatches(pattern, action)));
    expect(unused(role.Actions, armActions), "actions no flow used").toEqual([]);
    expect(unused(role.DataActions, dataActions), "data actions no flow used").toEqual([]);
    expect(Object.keys(deliberateExtras).filter((extra) => ![...role.Actions, ...role.DataActions].includes(extra)), "extras listed but not in the role").toEqual([]);
  });

  it("has no wildcard in its control-plane actions and is assignable at a subscription", () => {
    expect(role.Actions.filter((action) => action.includes("*"))).toEqual([]);
    expect(role.AssignableScopes).toEqual(["/subscriptions/00000000-0000-0000-0000-000000000000"]);
  });
});

describe("the role-assignment condition (deploy/azure/role-assignment-condition.txt)", () => {
  const managed = Object.values(accessRoles).map((accessRole) => accessRole.roleDefinitionGuid).sort();
  const guidLists = [...condition.matchAll(/GuidEquals\s*\{([^}]*)\}/g)].map((match) => (match[1] ?? "").split(",").map((guid) => guid.trim().toLowerCase()).sort());

  it("limits both the writes (@Request) and the deletes (@Resource) of role assignments to lib/access/roles.ts's role definitions", () => {
    expect(condition).toContain("!(ActionMatches{'Microsoft.Authorization/roleAssignments/write'})");
    expect(condition).toContain("@Request[Microsoft.Authorization/roleAssignments:RoleDefinitionId] ForAnyOfAnyValues:GuidEquals");
    expect(condition).toContain("!(ActionMatches{'Microsoft.Authorization/roleAssignments/delete'})");
    expect(condition).toContain("@Resource[Microsoft.Authorization/roleAssignments:RoleDefinitionId] ForAnyOfAnyValues:GuidEquals");
    expect(guidLists).toEqual([managed, managed]);
  });
});

describe("the Graph application permissions setup.sh grants", () => {
  // Sent only with CLUSTERDESK_MAIL_SENDER set (setup.sh adds it then); the flows above send no mail.
  const conditional = ["Mail.Send"];

  it("cover every Graph call of the flows, each of a known API", () => {
    expect(graphCalls.length).toBeGreaterThan(0);
    expect(graphCalls.filter((call) => call.permissions === "unknown").map((call) => call.call), "Graph calls whose permission is not in lib/azure-permissions/graph-permission.ts").toEqual([]);
    const missing = graphCalls.flatMap((call) => (call.permissions === "unknown" ? [] : call.permissions.filter((permission) => !scriptGraphPermissions.includes(permission)).map((permission) => `${permission} (e.g. ${call.call})`)));
    expect(missing, "permissions setup.sh does not grant").toEqual([]);
  });

  it("grants none that no call needed, besides the conditional Mail.Send", () => {
    const used = new Set(graphCalls.flatMap((call) => (call.permissions === "unknown" ? [] : call.permissions)));
    expect(scriptGraphPermissions.filter((permission) => !used.has(permission) && !conditional.includes(permission))).toEqual([]);
    expect(scriptGraphPermissions).toEqual(expect.arrayContaining(conditional));
  });
});
