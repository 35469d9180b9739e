import "server-only";
import { type PlanStep, type PlanSummary, classifyObject, summarizePlan } from "@/lib/tenants/plan";
import type { RenderedEnvironment } from "@/lib/tenants/render-environment";
import type { ManifestClient } from "@/lib/server/kube/manifests";

export type EnvironmentPlan = { namespace: string; computedAt: Date; steps: PlanStep[]; summary: PlanSummary };

/**
 * The plan of one rendered environment against the live cluster: each object read, and every object
 * that can be dry-run applied (`dryRun=All`, field manager clusterdesk, force) compared with what the
 * server answers. Nothing is written. Objects in a namespace that does not exist yet cannot be dry-run
 * (the server answers 404 for the namespace): they are creates, validated when applied.
 */
export async function planEnvironment(client: ManifestClient, rendered: RenderedEnvironment, tenantSlug: string): Promise<EnvironmentPlan> {
  const computedAt = new Date();
  const namespaceObject = rendered.objects[0];
  if (!namespaceObject || namespaceObject.kind !== "Namespace") throw new Error("A rendered environment starts with its namespace.");
  const liveNamespace = await client.read(namespaceObject);
  const steps: PlanStep[] = [];
  for (const intended of rendered.objects) {
    const live = intended === namespaceObject ? liveNamespace : liveNamespace === null ? null : await client.read(intended);
    const first = classifyObject({ intended, live, proposed: null }, tenantSlug);
    // A conflict is decided by ownership alone; a create or an update is checked by the server.
    if (first.action === "conflict" || (intended !== namespaceObject && liveNamespace === null)) {
      steps.push(first);
      continue;
    }
    const proposed = await client.dryRunApply(intended);
    steps.push(classifyObject({ intended, live, proposed }, tenantSlug));
  }
  return { namespace: rendered.namespace, computedAt, steps, summary: summarizePlan(steps) };
}
