import { execFile } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { load } from "js-yaml";
import { localDemoOrganisation } from "../../lib/config/local-mode";
import { readInCluster } from "../../lib/server/kube/in-cluster-reader";
import { createKubernetesSide } from "../kubernetes/kubernetes-side";
import { demoSubscriptions } from "../seed/organisation";
import { containerServiceClient } from "../test-support/sdk-clients";
import { startTestEmulator, type TestEmulator } from "../test-support/start-test-emulator";
import { rejection } from "../test-support/rejection";

/**
 * listClusterUserCredential on Entra clusters returns what real AKS returns: a kubelogin exec user
 * (`format=exec`, the default) or the legacy `azure` auth-provider (`format=azure`). The portal reads
 * only the kubeconfig's cluster and authenticates with its own token for the AKS server application.
 */
type Kubeconfig = {
  clusters: Array<{ name: string; cluster: { server: string } }>;
  users: Array<{ name: string; user: Record<string, unknown> }>;
};
const aksServerId = "6dae42f8-4368-4678-94ff-3960e28e3630";
const azureCliClientId = "80faf920-1908-4b52-b5ef-a8e7bedfc67a";
const nonProd = demoSubscriptions.nonProduction;
let emulator: TestEmulator;

beforeAll(async () => {
  emulator = await startTestEmulator({ kubernetes: createKubernetesSide });
});
afterAll(() => emulator.dispose());

async function kubeconfigYaml(resourceGroup: string, name: string, format?: string): Promise<string> {
  const result = await containerServiceClient(emulator, nonProd).managedClusters.listClusterUserCredentials(resourceGroup, name, format ? { format } : {});
  return Buffer.from(result.kubeconfigs?.[0]?.value ?? new Uint8Array()).toString("utf8");
}
const userOf = async (resourceGroup: string, name: string, format?: string) =>
  (load(await kubeconfigYaml(resourceGroup, name, format)) as Kubeconfig).users[0];

describe("the user kubeconfig of an Entra cluster", () => {
  it("carries kubelogin's exec entry by default and for format=exec", async () => {
    const tenantId = emulator.endpoints.tenantId;
    const expected = {
      name: "clusterUser_rg-dev_aks-shared-dev",
      user: {
        exec: {
          apiVersion: "client.authentication.k8s.io/v1beta1",
          args: ["get-token", "--login", "devicecode", "--server-id", aksServerId, "--client-id", azureCliClientId, "--tenant-id", tenantId, "--environment", "AzurePublicCloud"],
          command: "kubelogin",
          env: null,
          installHint: "\nkubelogin is not installed which is required to connect to AAD enabled cluster.\n\nTo learn more, please go to https://aka.ms/aks/kubelogin\n",
          provideClusterInfo: false,
        },
      },
    };
    expect(await userOf("rg-dev", "aks-shared-dev")).toEqual(expected);
    expect(await userOf("rg-dev", "aks-shared-dev", "exec")).toEqual(expected);
  });

  it("carries the legacy azure auth-provider for format=azure", async () => {
    expect(await userOf("rg-dev", "aks-shared-dev", "azure")).toEqual({
      name: "clusterUser_rg-dev_aks-shared-dev",
      user: {
        "auth-provider": {
          name: "azure",
          config: { "apiserver-id": aksServerId, "client-id": azureCliClientId, "config-mode": "1", environment: "AzurePublicCloud", "tenant-id": emulator.endpoints.tenantId },
        },
      },
    });
  });

  it("refuses unknown formats and leaves clusters without Entra on their local account", async () => {
    const refused = await rejection(kubeconfigYaml("rg-dev", "aks-shared-dev", "token"));
    expect([refused.statusCode, refused.code]).toEqual([400, "InvalidParameter"]);
    const local = await userOf("rg-dev", "aks-dev-open", "exec");
    expect(Object.keys(local?.user ?? {})).toEqual(["token"]);
  });

  it("still lets the portal read the cluster with its own token for the AKS server application", async () => {
    const kubeconfig = await kubeconfigYaml("rg-dev", "aks-shared-dev");
    const bearerToken = await emulator.issueTestToken({ servicePrincipal: localDemoOrganisation.clientId, audience: "aks" });
    const read = await readInCluster({ kubeconfig, bearerToken });
    expect(read.namespaces.map((namespace) => namespace.name)).toContain("payments-dev");
  });

  it("works with kubectl and a --token, and otherwise asks for kubelogin as AKS's does", async () => {
    const folder = await mkdtemp(path.join(tmpdir(), "clusterdesk-kubeconfig-"));
    try {
      const file = path.join(folder, "config");
      await writeFile(file, await kubeconfigYaml("rg-dev", "aks-shared-dev"));
      const kubectl = (...args: string[]) => promisify(execFile)("kubectl", ["--kubeconfig", file, ...args], { encoding: "utf8" });
      const token = await emulator.issueTestToken({ user: "admin", audience: "aks" });
      expect((await kubectl("get", "namespaces", "-o", "name", "--token", token)).stdout).toContain("namespace/payments-dev");
      const refused = await kubectl("get", "namespaces").then(() => "", (error: unknown) => String((error as { stderr?: string }).stderr));
      expect(refused).toMatch(/executable kubelogin not found[\s\S]*kubelogin is not installed which is required to connect to AAD enabled cluster/);
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });
});
