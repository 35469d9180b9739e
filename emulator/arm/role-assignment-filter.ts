import type { RoleAssignmentRecord } from "../state";
import { ArmError } from "./errors";

/**
 * `$filter` for roleAssignments list-for-scope (learn.microsoft.com/rest/api/authorization/role-assignments/list-for-scope):
 * no filter → at, above and below the scope; atScope() → at and above; principalId eq → that principal;
 * assignedTo() → the principal and the groups it belongs to, transitively. Terms combine with `and`.
 */
export type RoleAssignmentFilter = { atScope: boolean; principalId?: string; assignedTo?: string };

export function normaliseScope(scope: string): string {
  const collapsed = `/${scope}`.replace(/\/{2,}/g, "/").replace(/\/$/, "");
  return collapsed === "" ? "/" : collapsed.toLowerCase();
}

export function parseRoleAssignmentFilter(filter: string | null): RoleAssignmentFilter {
  const result: RoleAssignmentFilter = { atScope: false };
  if (!filter?.trim()) return result;
  for (const term of filter.trim().split(/\s+and\s+/i)) {
    const principal = /^principalId\s+eq\s+'([^']+)'$/i.exec(term.trim());
    const assigned = /^assignedTo\('([^']+)'\)$/i.exec(term.trim());
    if (/^atScope\(\)$/i.test(term.trim())) result.atScope = true;
    else if (principal?.[1]) result.principalId = principal[1].toLowerCase();
    else if (assigned?.[1]) result.assignedTo = assigned[1].toLowerCase();
    else throw new ArmError(400, "UnsupportedQuery", `The filter '${filter}' is not supported. Supported filters are atScope(), principalId eq '{value}' and assignedTo('{value}'), combined with 'and'.`);
  }
  return result;
}

/** Whether `assignmentScope` is the scope itself or one of its ancestors. */
export function isAtOrAbove(assignmentScope: string, scope: string): boolean {
  const a = normaliseScope(assignmentScope);
  const s = normaliseScope(scope);
  return a === "/" || s === a || s.startsWith(`${a}/`);
}

export function selectRoleAssignments(
  all: readonly RoleAssignmentRecord[],
  scope: string,
  filter: RoleAssignmentFilter,
  groupsOf: (principalId: string) => string[],
): RoleAssignmentRecord[] {
  const principals = filter.assignedTo ? new Set([filter.assignedTo, ...groupsOf(filter.assignedTo)]) : undefined;
  return all.filter((assignment) => {
    const related = filter.atScope
      ? isAtOrAbove(assignment.scope, scope)
      : isAtOrAbove(assignment.scope, scope) || isAtOrAbove(scope, assignment.scope);
    if (!related) return false;
    const principalId = assignment.principalId.toLowerCase();
    if (filter.principalId && principalId !== filter.principalId) return false;
    if (principals && !principals.has(principalId)) return false;
    return true;
  });
}
