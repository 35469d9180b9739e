import type { DirectoryGroup, DirectoryUser, EmulatorState, ServicePrincipal } from "./state";

/** Directory lookups shared by Entra (the groups claim), Graph (memberOf) and ARM (assignedTo()). */
export function findUser(state: EmulatorState, idOrUpn: string): DirectoryUser | undefined {
  const key = idOrUpn.toLowerCase();
  return state.users.find((user) => user.id === key || user.userPrincipalName.toLowerCase() === key);
}

export function findServicePrincipalByAppId(state: EmulatorState, appId: string): ServicePrincipal | undefined {
  return state.servicePrincipals.find((sp) => sp.appId === appId.toLowerCase());
}

export function directGroups(state: EmulatorState, memberId: string): DirectoryGroup[] {
  return state.groups.filter((group) => group.members.includes(memberId));
}

/** Every group `memberId` belongs to, directly or through nested groups. */
export function transitiveGroups(state: EmulatorState, memberId: string): DirectoryGroup[] {
  const found = new Map<string, DirectoryGroup>();
  const queue = [memberId];
  while (queue.length > 0) {
    const current = queue.shift() ?? "";
    for (const group of directGroups(state, current)) {
      if (found.has(group.id)) continue;
      found.set(group.id, group);
      queue.push(group.id);
    }
  }
  return [...found.values()];
}

export function directoryObjectExists(state: EmulatorState, objectId: string): boolean {
  const id = objectId.toLowerCase();
  return state.users.some((u) => u.id === id) || state.groups.some((g) => g.id === id) || state.servicePrincipals.some((s) => s.id === id);
}
