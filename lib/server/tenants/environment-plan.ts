import "server-only";
import { classifyArm } from "@/lib/tenants/arm-plan";
import type { ArmIntent } from "@/lib/tenants/arm-intents";
import type { KubeManifest } from "@/lib/tenants/manifest";
import { type PlanStep, type PlanSummary, classifyObject, summarizePlan } from "@/lib/tenants/plan";
import type { RenderedEnvironment } from "@/lib/tenants/render-environment";
import type { ManifestClient } from "@/lib/server/kube/manifests";
import type { EnvironmentArm } from "./environment-arm";

export type EnvironmentPlan = { namespace: string; computedAt: Date; steps: PlanStep[]; summary: PlanSummary; notes: string[] };

/** The step that stands for a template the cluster cannot host (e.g. no node pool for its placement). */
export function blockerStep(reason: string, index: number): PlanStep {
  return { key: `NodePool placement ${index + 1}`, kind: "NodePool", name: "placement", namespace: null, action: "conflict", changes: [], reason, via: "arm" };
}

async function armSteps(arm: EnvironmentArm | undefined, intents: readonly ArmIntent[], tenantSlug: string): Promise<PlanStep[]> {
  if (intents.length === 0) return [];
  if (!arm) throw new Error("This environment has ARM resources: planning it needs the ARM reader.");
  const steps: PlanStep[] = [];
  for (const intent of intents) steps.push(classifyArm(intent, await arm.read(intent), tenantSlug));
  return steps;
}

/**
 * The plan of one rendered environment against the live cluster and ARM: first what the cluster cannot
 * host (blockers, as conflicts), then every ARM resource (managed namespace, identity, federated
 * credential) read and compared, then each Kubernetes object read and, where it can be, dry-run applied
 * (`dryRun=All`, field manager clusterdesk, force) and compared with what the server answers, then the
 * role assignments. Nothing is written. Objects in a namespace that does not exist yet cannot be dry-run
 * (the server answers 404 for the namespace): they are creates, validated when applied.
 */
export async function planEnvironment(client: ManifestClient, rendered: RenderedEnvironment, tenantSlug: string, arm?: EnvironmentArm): Promise<EnvironmentPlan> {
  const computedAt = new Date();
  const steps: PlanStep[] = rendered.blockers.map(blockerStep);
  steps.push(...(await armSteps(arm, rendered.arm.before, tenantSlug)));
  const namespaceObject = rendered.objects.find((object) => object.kind === "Namespace");
  const header: KubeManifest = { apiVersion: "v1", kind: "Namespace", metadata: { name: rendered.namespace, labels: {} } };
  const liveNamespace = await client.read(namespaceObject ?? header);
  for (const intended of rendered.objects) {
    const live = intended === namespaceObject ? liveNamespace : liveNamespace === null ? null : await client.read(intended);
    const first = { ...classifyObject({ intended, live, proposed: null }, tenantSlug), via: "kubernetes" as const };
    // A conflict is decided by ownership alone; a create or an update is checked by the server.
    if (first.action === "conflict" || (intended !== namespaceObject && liveNamespace === null)) {
      steps.push(first);
      continue;
    }
    const proposed = await client.dryRunApply(intended);
    steps.push({ ...classifyObject({ intended, live, proposed }, tenantSlug), via: "kubernetes" });
  }
  steps.push(...(await armSteps(arm, rendered.arm.after, tenantSlug)));
  return { namespace: rendered.namespace, computedAt, steps, summary: summarizePlan(steps), notes: rendered.notes };
}
