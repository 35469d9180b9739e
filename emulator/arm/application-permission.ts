import { armActionOf } from "../../lib/azure-permissions/arm-action";
import type { EmulatorState } from "../state";
import { requireArmPermission, type ArmCaller } from "./role-assignments-permission";

/**
 * With `authorizeApplications`, an application's ARM call needs a role at or above the resource
 * that allows the call's action (lib/azure-permissions/arm-action.ts derives it as ARM does). Two are
 * left to their handlers: role-assignment writes and deletes, whose conditions need the role
 * definition in the body or the stored assignment, and role-definition writes. Listing subscriptions
 * needs no role (ARM lists those the caller holds any role on; the emulator lists all).
 */
const checkedByHandler = /^microsoft\.authorization\/(roleassignments\/(write|delete)|roledefinitions\/write)$/i;

export function requireApplicationPermission(state: EmulatorState, caller: ArmCaller, method: string, path: string): void {
  const action = armActionOf(method, path);
  const resource = path.replace(/\/{2,}/g, "/").replace(/\/$/, "");
  if (!action || checkedByHandler.test(action) || /^\/subscriptions$/i.test(resource)) return;
  requireArmPermission(state, caller, action, resource, resource);
}
