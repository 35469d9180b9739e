import type { TenantCreatePayload, TenantOffboardingPayload } from "@/lib/requests/kinds";
import { offboardingSteps } from "./offboarding";

/** A tenant-create request in one sentence, for the approver. */
export function describeTenantCreation(payload: TenantCreatePayload): string {
  const members = payload.memberGroupIds.length === 0 ? "no member groups" : `${payload.memberGroupIds.length} member group(s) (${payload.memberGroupIds.join(", ")})`;
  return `New tenant ${payload.slug} ("${payload.displayName}"): owner group ${payload.ownerGroupId}, whose members become its team leads; ${members}; contacts ${payload.contacts.join(", ") || "none"}; cost centre ${payload.costCentre ?? "none"}.`;
}

/** An offboarding request as the exact steps it will take, so the approver approves that list. */
export function describeOffboarding(payload: TenantOffboardingPayload): string {
  const counted = payload.plan.environments.map((environment) => {
    const contents = environment.contents.map((entry) => `${entry.count} ${entry.kind}`).join(", ") || "empty";
    return `${environment.namespace} on ${environment.clusterName} (${environment.exists ? contents : "no longer on the cluster"})`;
  });
  const policy = payload.deletePolicy === "delete" ? "deleting its namespaces with everything in them" : "keeping its namespaces and workloads";
  const steps = offboardingSteps(payload.plan, payload.deletePolicy).map((step, index) => `${index + 1}. ${step.description}.`);
  return `Offboard tenant ${payload.tenantSlug}, ${policy}. Namespaces: ${counted.join("; ") || "none"}. Steps: ${steps.join(" ")}`;
}
