import { actionMatches } from "../kubernetes/authz/data-action";

/**
 * ABAC conditions (version 2.0) on a role assignment, as far as the emulator understands them: the
 * "constrain roles" shape of https://learn.microsoft.com/azure/role-based-access-control/delegate-role-assignments-examples,
 * clauses `(!(ActionMatches{'A'})) OR (@Request|@Resource[Microsoft.Authorization/roleAssignments:RoleDefinitionId]
 * ForAnyOfAnyValues:GuidEquals {g1, g2})` joined by AND. Any other condition fails closed: the
 * assignment then allows nothing, so a test can never pass on a condition the emulator misread.
 */
const clause = /\(\s*\(\s*!\s*\(\s*ActionMatches\s*\{\s*'([^']+)'\s*\}\s*\)\s*\)\s*OR\s*\(\s*@(?:Request|Resource)\[Microsoft\.Authorization\/roleAssignments:RoleDefinitionId\]\s+ForAnyOfAnyValues:GuidEquals\s*\{([^}]*)\}\s*\)\s*\)/gi;

type Clause = { action: string; guids: string[] };

function clausesOf(condition: string): Clause[] | null {
  const clauses = [...condition.matchAll(clause)].map((match) => ({
    action: match[1] ?? "",
    guids: (match[2] ?? "").split(",").map((guid) => guid.trim().toLowerCase()).filter(Boolean),
  }));
  const rest = condition.replace(clause, "").replace(/\bAND\b/gi, "").trim();
  return clauses.length > 0 && rest === "" ? clauses : null;
}

/** Whether the condition lets `action` through for a role assignment of `roleDefinitionGuid` (if any). */
export function conditionAllows(condition: string, action: string, roleDefinitionGuid: string | undefined): boolean {
  const clauses = clausesOf(condition);
  if (!clauses) return false;
  return clauses.every((rule) => !actionMatches(rule.action, action) || (roleDefinitionGuid !== undefined && rule.guids.includes(roleDefinitionGuid.toLowerCase())));
}
