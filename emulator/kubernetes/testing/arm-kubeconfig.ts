import { request } from "node:https";
import type { Emulator } from "../../index";

export type Cluster = { subscriptionId: string; resourceGroup: string; name: string };

/** POSTs listClusterUserCredential as the ARM SDK does and returns the decoded kubeconfig YAML. */
export async function userKubeconfig(emulator: Emulator, cluster: Cluster): Promise<string> {
  const token = await emulator.issueTestToken({ user: "admin", audience: "arm" });
  const url = new URL(
    `/subscriptions/${cluster.subscriptionId}/resourceGroups/${cluster.resourceGroup}/providers/Microsoft.ContainerService/managedClusters/${cluster.name}/listClusterUserCredential?api-version=2025-10-01`,
    emulator.url,
  );
  const body = await new Promise<string>((resolve, reject) => {
    const call = request(url, { method: "POST", ca: emulator.caPem, headers: { authorization: `Bearer ${token}`, "content-length": 0 } }, (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    });
    call.on("error", reject);
    call.end();
  });
  const parsed = JSON.parse(body) as { kubeconfigs: { value: string }[] };
  return Buffer.from(parsed.kubeconfigs[0]?.value ?? "", "base64").toString("utf8");
}
