import type { EmulatedRoleDefinition } from "../contracts";
import type { EmulatorState } from "../state";
import { builtInRole } from "./built-in-roles";

/** A custom role definition created through ARM (`az role definition create`). */
export type CustomRole = EmulatedRoleDefinition & { description: string; assignableScopes: string[]; createdOn: string; updatedOn: string };

// Kept beside the state object rather than in it: a reset builds a new state, and the custom roles
// made against the old one go with it.
const customRoles = new WeakMap<EmulatorState, CustomRole[]>();

export function customRolesOf(state: EmulatorState): CustomRole[] {
  let roles = customRoles.get(state);
  if (!roles) {
    roles = [];
    customRoles.set(state, roles);
  }
  return roles;
}

/** A built-in role, or a custom one made in this state, by its GUID. */
export function roleDefinitionOf(state: EmulatorState, guid: string): (EmulatedRoleDefinition & { description: string }) | undefined {
  const lower = guid.toLowerCase();
  return builtInRole(lower) ?? customRolesOf(state).find((role) => role.guid === lower);
}
