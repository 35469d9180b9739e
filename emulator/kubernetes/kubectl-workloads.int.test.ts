import { writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { standaloneServerForSuite } from "./testing/standalone-suite";
import { clusters, users } from "./testing/world";
import { withKubectl } from "./testing/kubectl";
import { failure, kubeConfigFor } from "./testing/kube-client";
import { CoreV1Api } from "@kubernetes/client-node";

const server = standaloneServerForSuite();

const deployment = (replicas: number) => `apiVersion: apps/v1
kind: Deployment
metadata: { name: hello, namespace: payments-dev }
spec:
  replicas: ${replicas}
  selector: { matchLabels: { app: hello } }
  template:
    metadata: { labels: { app: hello } }
    spec:
      containers:
      - name: web
        image: mcr.microsoft.com/azuredocs/aks-helloworld:v1
        resources: { requests: { cpu: 250m, memory: 64Mi }, limits: { cpu: 500m, memory: 128Mi } }
`;

/** The admin sets a quota; the tenant deploys into its namespace and sees the usage. */
describe.each([
  ["an Azure RBAC cluster", clusters.sharedDev, users.clusterAdmin],
  ["a Kubernetes RBAC cluster, as the team's member (edit)", clusters.platform, users.paymentsMember],
])("a sample workload on %s", (_label, cluster, tenant) => {
  it("applies a Deployment whose pods count against the namespace's quota", async () => {
    const admin = await server().token(users.clusterAdmin);
    const token = await server().token(tenant);
    await withKubectl(server().serverUrl(cluster), server().caPem, async (kubectl, directory) => {
      const created = await kubectl(admin, "create", "quota", "compute", "-n", "payments-dev", "--hard=pods=10,requests.cpu=2,requests.memory=1Gi,limits.cpu=4,count/deployments.apps=2");
      expect(created.stderr).toBe("");
      const quota = async () => JSON.parse((await kubectl(token, "get", "quota", "compute", "-n", "payments-dev", "-o", "json")).stdout) as { status: { hard: object; used: Record<string, string> } };
      // The seed's three pods request 100m / 128Mi each.
      expect((await quota()).status.used).toEqual({ pods: "3", "requests.cpu": "300m", "requests.memory": "384Mi", "limits.cpu": "1500m", "count/deployments.apps": "0" });

      const file = path.join(directory, "deployment.yaml");
      await writeFile(file, deployment(2));
      expect(await kubectl(token, "apply", "-f", file)).toMatchObject({ code: 0, stdout: "deployment.apps/hello created\n" });
      expect((await kubectl(token, "get", "deploy", "hello", "-n", "payments-dev")).stdout).toMatch(/^hello\s+2\/2\s+2\s+2\s+\d+s$/m);
      expect((await kubectl(token, "get", "pods", "-n", "payments-dev", "-l", "app=hello", "-o", "name")).stdout.trim().split("\n")).toHaveLength(2);
      expect((await quota()).status.used).toEqual({ pods: "5", "requests.cpu": "800m", "requests.memory": "512Mi", "limits.cpu": "2500m", "count/deployments.apps": "1" });
      expect((await kubectl(token, "get", "quota", "-n", "payments-dev")).stdout).toMatch(/count\/deployments\.apps: 1\/2, pods: 5\/10, requests\.cpu: 800m\/2, requests\.memory: 512Mi\/1Gi\s+limits\.cpu: 2500m\/4/);

      await writeFile(file, deployment(3));
      expect((await kubectl(token, "apply", "--server-side", "--force-conflicts", "-f", file)).stdout).toBe("deployment.apps/hello serverside-applied\n");
      expect((await quota()).status.used.pods).toBe("6");
      // rollout status watches the Deployment from its list's resourceVersion: it must see the watch start and exit.
      expect(await kubectl(token, "rollout", "status", "deployment/hello", "-n", "payments-dev", "--timeout=10s")).toMatchObject({ code: 0, stdout: 'deployment "hello" successfully rolled out\n' });
      expect((await kubectl(token, "scale", "deployment/hello", "-n", "payments-dev", "--replicas=1")).stdout).toBe("deployment.apps/hello scaled\n");
      expect((await kubectl(token, "get", "deploy", "hello", "-n", "payments-dev")).stdout).toMatch(/^hello\s+1\/1\s+1\s+1\s+\d+s$/m);
      expect((await quota()).status.used.pods).toBe("4");
      expect((await kubectl(token, "delete", "deploy", "hello", "-n", "payments-dev")).stdout).toBe('deployment.apps "hello" deleted\n');
      expect((await quota()).status.used).toMatchObject({ pods: "3", "count/deployments.apps": "0" });
    });
  });
});

describe("Deployment validation", () => {
  it("refuses a selector that does not match the template, as ValidateDeploymentSpec does", async () => {
    const token = await server().token(users.clusterAdmin);
    await withKubectl(server().serverUrl(clusters.sharedDev), server().caPem, async (kubectl, directory) => {
      const file = path.join(directory, "deployment.yaml");
      await writeFile(file, deployment(1).replace("matchLabels: { app: hello }", "matchLabels: { app: other }"));
      expect((await kubectl(token, "apply", "-f", file)).stderr).toContain("spec.template.metadata.labels: Invalid value");
    });
  });
});

describe("DeleteOptions", () => {
  it("orphans a Deployment's pods with --cascade=orphan and checks preconditions", async () => {
    const token = await server().token(users.clusterAdmin);
    await withKubectl(server().serverUrl(clusters.sharedDev), server().caPem, async (kubectl, directory) => {
      const file = path.join(directory, "deployment.yaml");
      await writeFile(file, deployment(2));
      await kubectl(token, "apply", "-f", file);
      expect((await kubectl(token, "delete", "deploy", "hello", "-n", "payments-dev", "--cascade=orphan")).code).toBe(0);
      expect((await kubectl(token, "get", "pods", "-n", "payments-dev", "-l", "app=hello", "-o", "name")).stdout.trim().split("\n")).toHaveLength(2);
      const core = kubeConfigFor(server(), clusters.sharedDev, token).makeApiClient(CoreV1Api);
      const stale = { preconditions: { resourceVersion: "1" } };
      expect(await failure(core.deleteNamespacedConfigMap({ name: "kube-root-ca.crt", namespace: "payments-dev", body: stale }))).toMatchObject({ code: 404 });
      await core.createNamespacedConfigMap({ namespace: "payments-dev", body: { metadata: { name: "guarded" } } });
      expect(await failure(core.deleteNamespacedConfigMap({ name: "guarded", namespace: "payments-dev", body: stale }))).toMatchObject({
        code: 409,
        body: { reason: "Conflict", message: expect.stringContaining('Operation cannot be fulfilled on configmaps "guarded": Precondition failed: ResourceVersion in precondition: 1, ResourceVersion in object meta: ') },
      });
    });
  });
});

describe("quota admission", () => {
  it("refuses creates beyond spec.hard, and a Deployment's rollout stops at the quota", async () => {
    const admin = await server().token(users.clusterAdmin);
    await withKubectl(server().serverUrl(clusters.sharedDev), server().caPem, async (kubectl, directory) => {
      await kubectl(admin, "create", "quota", "small", "-n", "payments-dev", "--hard=pods=4,count/configmaps=1");
      expect((await kubectl(admin, "create", "configmap", "first", "-n", "payments-dev")).code).toBe(0);
      const second = await kubectl(admin, "create", "configmap", "second", "-n", "payments-dev");
      expect(second.stderr).toContain('configmaps "second" is forbidden: exceeded quota: small, requested: count/configmaps=1, used: count/configmaps=1, limited: count/configmaps=1');
      const file = path.join(directory, "deployment.yaml");
      await writeFile(file, deployment(3));
      await kubectl(admin, "apply", "-f", file);
      expect((await kubectl(admin, "get", "deploy", "hello", "-n", "payments-dev")).stdout).toMatch(/^hello\s+1\/3\s+1\s+1\s+\d+s$/m);
      const failure = await kubectl(admin, "get", "deploy", "hello", "-n", "payments-dev", "-o", "jsonpath={.status.conditions[?(@.type==\"ReplicaFailure\")].message}");
      expect(failure.stdout).toContain("exceeded quota: small, requested: pods=1, used: pods=4, limited: pods=4");
    });
  });
});
