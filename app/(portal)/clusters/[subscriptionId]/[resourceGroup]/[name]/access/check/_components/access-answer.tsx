import { Alert } from "@/components/ui/alert";
import type { AccessGrantReason } from "@/lib/server/access/access-check-explanation";
import type { AccessCheckState } from "../_actions/check-state";
import { AccessMatrix } from "./access-matrix";

type Answered = Extract<AccessCheckState, { status: "done" }>;

function through(reason: AccessGrantReason, answered: Answered): string {
  if (reason.via === answered.person.objectId || reason.via.toLowerCase() === answered.person.userPrincipalName?.toLowerCase()) return "directly";
  return `through group ${answered.groupNames[reason.via] ?? reason.via}`;
}

function describe(reason: AccessGrantReason, answered: Answered): string {
  switch (reason.kind) {
    case "admin-group":
      return `Member of the cluster's Entra admin group ${answered.groupNames[reason.via] ?? reason.via}, which AKS binds to cluster-admin.`;
    case "role-assignment":
      return `Azure role assignment: ${reason.role} at ${reason.scope}, ${through(reason, answered)}.`;
    case "binding":
      return `${reason.binding} to ${reason.role}, ${through(reason, answered)}.`;
  }
}

/** The answer in words, what grants it, and the matrix for the namespace. */
export function AccessAnswer({ answered }: { answered: Answered }) {
  const { person, question, answer } = answered;
  const who = `${person.displayName}${person.userPrincipalName ? ` (${person.userPrincipalName})` : person.type === "Group" ? " (group)" : ""}`;
  const sentence = `${who} ${answer.allowed ? "can" : "cannot"} ${question.verb} ${question.resource} in namespace ${question.namespace}.`;
  return (
    <section aria-labelledby="answer-heading" className="space-y-4">
      <h2 id="answer-heading" className="text-lg font-semibold">
        Answer
      </h2>
      <Alert tone={answer.allowed ? "success" : "error"} role="status" title={answer.allowed ? "Allowed" : "Denied"}>
        <p>{sentence}</p>
        {!answer.allowed ? <p className="mt-1">{answer.reason ? `The API server says: ${answer.reason}` : "No role binding or role assignment grants it."}</p> : null}
        <p className="mt-1 text-xs">
          Asked of the cluster&apos;s API server (SubjectAccessReview) with the {person.type === "User" ? "user and " : ""}
          {person.groupCount} group{person.groupCount === 1 ? "" : "s"} Microsoft Graph resolves, nested and beyond a token&apos;s limit.
        </p>
      </Alert>
      {answer.allowed ? (
        <div>
          <h3 className="text-base font-semibold">Why</h3>
          {answer.reasons.length === 0 ? (
            <p className="text-sm text-slate-600 dark:text-slate-400">The cluster allows it, but no admin group, role assignment or RoleBinding Clusterdesk can read explains it (for example a binding to system:authenticated or a management-group assignment).</p>
          ) : (
            <ul className="mt-1 list-disc space-y-1 pl-5 text-sm">
              {answer.reasons.map((reason) => (
                <li key={`${reason.kind}-${reason.kind === "role-assignment" ? reason.assignmentId : reason.kind === "binding" ? `${reason.binding}-${reason.via}` : reason.via}`}>{describe(reason, answered)}</li>
              ))}
            </ul>
          )}
        </div>
      ) : null}
      <AccessMatrix matrix={answer.matrix} caption={`What ${person.displayName} can do in namespace ${question.namespace}`} />
    </section>
  );
}
