import { spawn } from "node:child_process";
import { request } from "node:https";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { CoreV1Api, Watch } from "@kubernetes/client-node";
import { childEnvironment } from "../../test/support";
import { standaloneServerForSuite } from "./testing/standalone-suite";
import { clusters, rbacModes, users } from "./testing/world";
import { withKubectl } from "./testing/kubectl";
import { kubeConfigFor } from "./testing/kube-client";

const server = standaloneServerForSuite();

const until = async (check: () => boolean, what: string): Promise<void> => {
  for (let waited = 0; waited < 10_000; waited += 50) {
    if (check()) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`timed out waiting for ${what}`);
};

describe.each(rbacModes)("kubectl get -w on %s", (_label, cluster) => {
  it("prints ADDED, MODIFIED and DELETED as they happen", async () => {
    const token = await server().token(users.clusterAdmin);
    await withKubectl(server().serverUrl(cluster), server().caPem, async (kubectl, directory) => {
      await kubectl(token, "create", "configmap", "existing", "-n", "payments-dev");
      const args = [`--kubeconfig=${path.join(directory, "kubeconfig")}`, `--token=${token}`, "get", "configmaps", "-n", "payments-dev", "-w", "--output-watch-events"];
      const watcher = spawn("kubectl", args, { env: childEnvironment({ HOME: directory, KUBECONFIG: undefined }) });
      let output = "";
      watcher.stdout.on("data", (chunk: Buffer) => (output += chunk.toString("utf8")));
      try {
        // kubectl lists first (the existing configmap shows as ADDED), then watches from the list's resourceVersion.
        await until(() => /ADDED\s+existing/.test(output), "the watch to start");
        await new Promise((resolve) => setTimeout(resolve, 300));
        await kubectl(token, "create", "configmap", "watched", "-n", "payments-dev", "--from-literal=a=1");
        await kubectl(token, "label", "configmap", "watched", "-n", "payments-dev", "seen=yes");
        await kubectl(token, "delete", "configmap", "watched", "-n", "payments-dev");
        await until(() => /DELETED\s+watched/.test(output), "the DELETED event");
        expect(output).toMatch(/ADDED\s+watched\s+1\s+\d+s\nMODIFIED\s+watched\s+1\s+\d+s\nDELETED\s+watched\s+1\s+\d+s/);
      } finally {
        watcher.kill();
      }
    });
  });
});

function stream(path: string, token: string): Promise<{ status: number; contentType: string; lines: { type: string; object: { metadata?: { name?: string; resourceVersion?: string; annotations?: Record<string, string> } } }[]; millis: number }> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const call = request(new URL(path, server().url), { ca: server().caPem, headers: { authorization: `Bearer ${token}` } }, (response) => {
      let text = "";
      response.on("data", (chunk: Buffer) => (text += chunk.toString("utf8")));
      response.on("end", () =>
        resolve({
          status: response.statusCode ?? 0,
          contentType: String(response.headers["content-type"]),
          lines: text.split("\n").filter(Boolean).map((line) => JSON.parse(line) as { type: string; object: object }),
          millis: Date.now() - started,
        }),
      );
    });
    call.on("error", reject);
    call.end();
  });
}

describe("watch streams", () => {
  it("start with ADDED for the current objects, resume from a resourceVersion and end after timeoutSeconds", async () => {
    const token = await server().token(users.clusterAdmin);
    const base = `${new URL(server().serverUrl(clusters.sharedDev)).pathname}/api/v1/namespaces/payments-dev/pods`;
    const initial = await stream(`${base}?watch=true&timeoutSeconds=1`, token);
    expect(initial).toMatchObject({ status: 200, contentType: "application/json" });
    expect(initial.lines.map((line) => line.type)).toEqual(["ADDED", "ADDED", "ADDED"]);
    expect(initial.millis).toBeGreaterThanOrEqual(900);
    const core = kubeConfigFor(server(), clusters.sharedDev, token).makeApiClient(CoreV1Api);
    const list = await core.listNamespacedPod({ namespace: "payments-dev" });
    const name = list.items[0]?.metadata?.name ?? "";
    await core.deleteNamespacedPod({ name, namespace: "payments-dev" });
    const resumed = await stream(`${base}?watch=true&timeoutSeconds=1&resourceVersion=${list.metadata?.resourceVersion ?? ""}`, token);
    expect(resumed.lines.map((line) => [line.type, line.object.metadata?.name])).toEqual([["DELETED", name]]);
    const streamed = await stream(`${base}?watch=true&timeoutSeconds=1&sendInitialEvents=true&resourceVersionMatch=NotOlderThan&allowWatchBookmarks=true`, token);
    expect(streamed.lines.map((line) => line.type)).toEqual(["ADDED", "ADDED", "BOOKMARK"]);
    expect(streamed.lines[2]?.object).toMatchObject({ kind: "Pod", metadata: { annotations: { "k8s.io/initial-events-end": "true" } } });
    expect((await stream(`${base}?watch=true&sendInitialEvents=true`, token)).status).toBe(422);
    const selected = await stream(`${base}?watch=true&timeoutSeconds=1&labelSelector=app%3Dpayments-worker`, token);
    expect(selected.lines).toHaveLength(1);
  });

  it("feed client-node's Watch", async () => {
    const kc = kubeConfigFor(server(), clusters.sharedDev, await server().token(users.clusterAdmin));
    const events: string[] = [];
    const request = await new Watch(kc).watch("/api/v1/namespaces", {}, (type, object: { metadata?: { name?: string } }) => events.push(`${type} ${object.metadata?.name ?? ""}`), () => undefined);
    try {
      await until(() => events.includes("ADDED payments-dev"), "the initial namespaces");
      await kc.makeApiClient(CoreV1Api).createNamespace({ body: { metadata: { name: "watched" } } });
      await until(() => events.includes("ADDED watched"), "the new namespace");
    } finally {
      request.abort();
    }
  });
});
