import { findUser } from "../directory";
import type { EmulatorState } from "../state";

/**
 * What an Entra administrator does while people are signed in: disable or delete an account, add a
 * person to a group or take them out. Tests use it to show the portal notices (control API:
 * `PATCH users/{id}`, `DELETE users/{id}`, `PUT|DELETE groups/{id}/members/{memberId}`).
 */
export type DirectoryChange =
  | { kind: "set-account-enabled"; user: string; accountEnabled: boolean }
  | { kind: "delete-user"; user: string }
  | { kind: "add-member"; groupId: string; memberId: string }
  | { kind: "remove-member"; groupId: string; memberId: string };

function userOrThrow(state: EmulatorState, idOrUpn: string) {
  const user = findUser(state, idOrUpn);
  if (!user) throw new Error(`No user ${idOrUpn}`);
  return user;
}

function groupOrThrow(state: EmulatorState, groupId: string) {
  const group = state.groups.find((candidate) => candidate.id === groupId.toLowerCase());
  if (!group) throw new Error(`No group ${groupId}`);
  return group;
}

export function applyDirectoryChange(state: EmulatorState, change: DirectoryChange): void {
  if (change.kind === "set-account-enabled") {
    userOrThrow(state, change.user).accountEnabled = change.accountEnabled;
  } else if (change.kind === "delete-user") {
    const user = userOrThrow(state, change.user);
    state.users = state.users.filter((candidate) => candidate.id !== user.id);
    for (const group of state.groups) group.members = group.members.filter((member) => member !== user.id);
  } else {
    const group = groupOrThrow(state, change.groupId);
    const memberId = change.memberId.toLowerCase();
    group.members = group.members.filter((member) => member !== memberId);
    if (change.kind === "add-member") group.members.push(memberId);
  }
}

/** The change a control API call asks for, if it is one of the directory calls. */
export function directoryChangeOf(method: string, resource: string, body: Record<string, unknown>): DirectoryChange | undefined {
  const user = /^users\/([^/]+)$/.exec(resource)?.[1];
  if (user && method === "PATCH" && typeof body.accountEnabled === "boolean") {
    return { kind: "set-account-enabled", user: decodeURIComponent(user), accountEnabled: body.accountEnabled };
  }
  if (user && method === "DELETE") return { kind: "delete-user", user: decodeURIComponent(user) };
  const [, groupId, memberId] = /^groups\/([^/]+)\/members\/([^/]+)$/.exec(resource) ?? [];
  if (groupId && memberId && (method === "PUT" || method === "DELETE")) {
    return { kind: method === "PUT" ? "add-member" : "remove-member", groupId: decodeURIComponent(groupId), memberId: decodeURIComponent(memberId) };
  }
  return undefined;
}
