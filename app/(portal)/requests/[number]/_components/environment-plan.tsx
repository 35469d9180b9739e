import { Alert } from "@/components/ui/alert";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { Table, Td, Th } from "@/components/ui/table";
import { Timestamp } from "@/components/ui/timestamp";
import { type PlanAction, describePlanSummary } from "@/lib/tenants/plan";
import { planForRequest } from "@/lib/server/tenants/request-plan";

const actionPresentation: Record<PlanAction, { label: string; tone: BadgeTone }> = {
  create: { label: "Create", tone: "info" },
  update: { label: "Update", tone: "progress" },
  unchanged: { label: "Unchanged", tone: "muted" },
  conflict: { label: "Conflict", tone: "danger" },
};

/**
 * The environment's plan, recomputed against the live cluster each time the page is rendered
 * (a server-side dry run), with the time it was computed: an approver sees what would happen now.
 */
export async function EnvironmentPlan({ requestId }: { requestId: string }) {
  const outcome = await planForRequest(requestId);
  if (!outcome.ok) {
    return (
      <Alert tone="error" title="The plan could not be computed">
        <p>{outcome.error}</p>
        <p className="mt-1 text-xs">
          Tried <Timestamp date={outcome.computedAt} withAbsolute />. Reload the page to try again.
        </p>
      </Alert>
    );
  }
  const { plan } = outcome;
  return (
    <section aria-labelledby="plan-heading" className="space-y-2" data-testid="environment-plan">
      <h3 id="plan-heading" className="font-semibold">
        Plan for {plan.namespace}
      </h3>
      <p className="text-sm">
        {describePlanSummary(plan.summary)} <span className="text-slate-600 dark:text-slate-400">Computed against the cluster <Timestamp date={plan.computedAt} withAbsolute />.</span>
      </p>
      {plan.notes.map((note) => (
        <Alert key={note} tone="info" title="Not in this environment">
          <p>{note}</p>
        </Alert>
      ))}
      <Table caption={`Plan for ${plan.namespace}`}>
        <thead className="bg-slate-50 dark:bg-slate-950">
          <tr>
            <Th>Object</Th>
            <Th>Action</Th>
            <Th>Details</Th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-200 dark:divide-slate-800">
          {plan.steps.map((step) => (
            <tr key={step.key}>
              <Td>
                <span className="text-xs text-slate-600 dark:text-slate-400">
                  {step.kind} · {step.via === "arm" ? "Azure Resource Manager" : "Kubernetes API"}
                </span>
                <p className="font-mono text-xs">{step.name}</p>
              </Td>
              <Td>
                <Badge tone={actionPresentation[step.action].tone}>{actionPresentation[step.action].label}</Badge>
              </Td>
              <Td>
                {step.reason ? <p className="text-sm">{step.reason}</p> : null}
                {step.changes.length > 0 ? (
                  <ul className="space-y-0.5 font-mono text-xs">
                    {step.changes.map((change) => (
                      <li key={change.path}>
                        {change.path}: {change.before ?? "(not set)"} → {change.after ?? "(removed)"}
                      </li>
                    ))}
                  </ul>
                ) : null}
              </Td>
            </tr>
          ))}
        </tbody>
      </Table>
    </section>
  );
}
