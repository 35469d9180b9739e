import { writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { KubeConfig } from "@kubernetes/client-node";
import { demoSubscriptions, demoUsers, tenantDomain, type DemoPersona } from "../seed/organisation";
import { userKubeconfig, type Cluster } from "./testing/arm-kubeconfig";
import { emulatorForSuite } from "./testing/emulator-suite";
import { withKubectl, type KubectlResult } from "./testing/kubectl";

/** Issue 11's acceptance: kubectl through every operation, with the ARM kubeconfig and Entra tokens. */
const emulator = emulatorForSuite();

const sharedDev: Cluster = { subscriptionId: demoSubscriptions.nonProduction, resourceGroup: "rg-dev", name: "aks-shared-dev" };
const platform: Cluster = { subscriptionId: demoSubscriptions.production, resourceGroup: "rg-platform-prod", name: "aks-platform-shared" };
const engineer = `liam.obrien@${tenantDomain}`;
const deployment = `apiVersion: apps/v1
kind: Deployment
metadata: { name: hello, namespace: payments-dev }
spec:
  replicas: 2
  selector: { matchLabels: { app: hello } }
  template:
    metadata: { labels: { app: hello } }
    spec: { containers: [{ name: web, image: mcr.microsoft.com/azuredocs/aks-helloworld:v1, resources: { requests: { cpu: 250m } } }] }
`;

type Kubectl = (persona: DemoPersona, ...args: string[]) => Promise<KubectlResult>;

/** Runs kubectl as a persona; `prefix` is the server URL's path, which `kubectl get --raw` needs in front. */
async function withArmKubectl(cluster: Cluster, body: (kubectl: Kubectl, directory: string, prefix: string) => Promise<void>): Promise<void> {
  const fromArm = new KubeConfig();
  fromArm.loadFromString(await userKubeconfig(emulator(), cluster));
  const server = fromArm.getCurrentCluster()?.server ?? "";
  await withKubectl(server, emulator().caPem, (run, directory) =>
    body(async (persona, ...args) => run(await emulator().issueTestToken({ user: persona, audience: "aks" }), ...args), directory, new URL(server).pathname),
  );
}

describe.each([
  ["Azure RBAC", sharedDev],
  ["Kubernetes RBAC", platform],
])("kubectl against the emulator()'s %s cluster", (mode, cluster) => {
  it("creates imperatively, dry-runs a delete, applies with validation, deploys under quota and watches", async () => {
    await withArmKubectl(cluster, async (kubectl, directory, prefix) => {
      expect((await kubectl("admin", "create", "namespace", "onboarded")).stdout).toBe("namespace/onboarded created\n");
      expect((await kubectl("admin", "create", "quota", "compute", "-n", "payments-dev", "--hard=pods=10,requests.cpu=2")).stderr).toBe("");
      expect((await kubectl("admin", "delete", "ns", "payments-dev", "--dry-run=server")).stdout).toContain("(server dry run)");
      expect((await kubectl("admin", "get", "pods", "-n", "payments-dev", "-o", "name")).stdout.trim().split("\n")).toHaveLength(3);
      const file = path.join(directory, "deployment.yaml");
      await writeFile(file, deployment);
      const applied = await kubectl("paymentsEngineer", "apply", "-f", file);
      expect(applied.stdout).toBe("deployment.apps/hello created\n");
      expect((await kubectl("paymentsEngineer", "get", "quota", "compute", "-n", "payments-dev", "-o", "jsonpath={.status.used}")).stdout).toBe('{"pods":"5","requests.cpu":"800m"}');
      const watched = await kubectl("admin", "get", "--raw", `${prefix}/api/v1/namespaces/payments-dev/pods?watch=true&timeoutSeconds=1&labelSelector=app%3Dhello`);
      expect(watched.stdout.trim().split("\n").map((line) => (JSON.parse(line) as { type: string }).type)).toEqual(["ADDED", "ADDED"]);
      expect((await kubectl("admin", "get", "ns", "onboarded")).stdout).toMatch(/^NAME\s+STATUS\s+AGE\nonboarded\s+Active\s+\d+s$/m);
    });
  });

  it("answers whoami, can-i --list and impersonation for the team's engineer", async () => {
    await withArmKubectl(cluster, async (kubectl) => {
      expect((await kubectl("paymentsEngineer", "auth", "whoami")).stdout).toContain(`Username     ${engineer}`);
      const rules = await kubectl("paymentsEngineer", "auth", "can-i", "--list", "-n", "payments-dev");
      expect(rules.stdout).toMatch(/^selfsubjectreviews\.authentication\.k8s\.io\s/m);
      expect(rules.stderr.includes("the list may be incomplete")).toBe(mode === "Azure RBAC");
      const as = [`--as=${engineer}`, `--as-uid=${demoUsers.paymentsEngineer}`, "--as-group=a0000000-0000-4000-8000-0000000000b2"];
      expect((await kubectl("admin", "auth", "can-i", "create", "deployments.apps", "-n", "payments-dev", ...as)).stdout.trim()).toBe("yes");
      expect((await kubectl("admin", "auth", "can-i", "create", "deployments.apps", "-n", "search-dev", ...as)).stdout.trim()).toMatch(/^no/);
      const refused = await kubectl("paymentsEngineer", "get", "pods", "-n", "payments-dev", "--as=someone");
      expect(refused.stderr).toContain(`users "someone" is forbidden: User "${engineer}" cannot impersonate resource "users"`);
    });
  });
});
