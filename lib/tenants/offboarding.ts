import { managedByLabel, managedByValue } from "./render-environment";

/**
 * Which of a namespace's labels and annotations are Clusterdesk's, so that offboarding with "keep"
 * strips exactly those: the managed-by label when it names Clusterdesk, and every `clusterdesk.io/`
 * key. Pod Security labels stay: they protect the shared cluster whoever owns the namespace.
 */
const clusterdeskPrefix = "clusterdesk.io/";

export function clusterdeskMetadataKeys(labels: Readonly<Record<string, string>>, annotations: Readonly<Record<string, string>>): { labels: string[]; annotations: string[] } {
  return {
    labels: Object.keys(labels)
      .filter((key) => key.startsWith(clusterdeskPrefix) || (key === managedByLabel && labels[key] === managedByValue))
      .sort(),
    annotations: Object.keys(annotations)
      .filter((key) => key.startsWith(clusterdeskPrefix))
      .sort(),
  };
}

/** RoleBindings Clusterdesk makes are all named `clusterdesk-…` (templates and grants alike). */
export function isClusterdeskRoleBinding(name: string): boolean {
  return name.startsWith("clusterdesk-");
}

export type OffboardingStep = { key: string; description: string };

/** What Azure holds for one environment, as the plan read it (see offboarding-plan.ts). */
export type EnvironmentArmShape = {
  managedNamespace: { deletePolicy: string } | null;
  roleAssignments: readonly { id: string; role: string; principalId: string }[];
  identity: { name: string; federatedCredentials: readonly string[] } | null;
};

type PlanShape = {
  environments: readonly { clusterName: string; clusterResourceId: string; namespace: string; exists: boolean; roleBindings: readonly string[]; labels: readonly string[]; annotations: readonly string[]; arm?: EnvironmentArmShape }[];
  grants: readonly { id: string; role: string; principalName: string; namespace: string | null }[];
};

/** The last segment of a role assignment's resource id: its name, the step key's suffix. */
export function roleAssignmentNameOf(id: string): string {
  return id.slice(id.lastIndexOf("/") + 1);
}

/**
 * An environment's Azure steps: the tenant groups' role assignments first (access goes before
 * anything else), the identity's federated credentials, the identity, then the managed namespace,
 * removed from ARM with the offboarding's delete policy. With keep, ARM must let go of the namespace
 * before Clusterdesk's labels are stripped: its reconciler would otherwise put back the labels
 * Clusterdesk asked it for.
 */
function armSteps(arm: EnvironmentArmShape | undefined, id: string, where: string, deletePolicy: "delete" | "keep"): OffboardingStep[] {
  if (!arm) return [];
  const steps: OffboardingStep[] = arm.roleAssignments.map((assignment) => ({
    key: `roleassignment ${id}/${roleAssignmentNameOf(assignment.id)}`,
    description: `Delete the Azure role assignment ${assignment.role} for group ${assignment.principalId} on ${where}`,
  }));
  if (arm.identity) {
    const identity = arm.identity.name;
    for (const credential of arm.identity.federatedCredentials) steps.push({ key: `credential ${id}/${credential}`, description: `Delete federated credential ${credential} of managed identity ${identity}` });
    steps.push({ key: `identity ${id}`, description: `Delete managed identity ${identity}` });
  }
  if (arm.managedNamespace) {
    steps.push({
      key: `managednamespace ${id}`,
      description: deletePolicy === "delete"
        ? `Delete managed namespace ${where} through Azure Resource Manager with delete policy Delete (the namespace goes with it)`
        : `Remove managed namespace ${where} from Azure Resource Manager with delete policy Keep (the namespace stays; ARM's default quota and network policy go)`,
    });
  }
  return steps;
}

/**
 * The executor's steps, in order, from the recorded plan and policy: grants first (people lose access
 * before anything is deleted), then each environment's Azure resources, its namespace, then its
 * record. Pure, so the request page, the executor and the tests agree on what "everything the plan
 * listed" is.
 */
export function offboardingSteps(plan: PlanShape, deletePolicy: "delete" | "keep"): OffboardingStep[] {
  const steps: OffboardingStep[] = plan.grants.map((grant) => ({ key: `grant ${grant.id}`, description: `Revoke ${grant.role} for ${grant.principalName}${grant.namespace ? ` in ${grant.namespace}` : ""}` }));
  for (const environment of plan.environments) {
    const where = `${environment.namespace} on ${environment.clusterName}`;
    const id = `${environment.clusterResourceId}/${environment.namespace}`;
    steps.push(...armSteps(environment.arm, id, where, deletePolicy));
    if (environment.exists && deletePolicy === "delete") steps.push({ key: `delete ${id}`, description: `Delete namespace ${where} with everything in it` });
    if (environment.exists && deletePolicy === "keep") {
      for (const binding of environment.roleBindings) steps.push({ key: `rolebinding ${id}/${binding}`, description: `Delete RoleBinding ${binding} in ${where}` });
      if (environment.labels.length + environment.annotations.length > 0) steps.push({ key: `strip ${id}`, description: `Remove Clusterdesk's labels and annotations from ${where} (${[...environment.labels, ...environment.annotations].join(", ")})` });
    }
    steps.push({ key: `forget ${id}`, description: `Remove ${where} from the tenant's environments` });
  }
  steps.push({ key: "archive", description: "Archive the tenant (its audit history stays)" });
  return steps;
}
