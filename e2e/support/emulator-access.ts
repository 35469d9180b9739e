import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { request } from "node:https";
import { tmpdir } from "node:os";
import path from "node:path";
import { e2eDataDir } from "./emulator-control";

/**
 * What a person or an Azure administrator does beside the portal, against the e2e server's emulator:
 * an Entra token for a demo user or service principal (the control API), ARM calls with it, and the
 * machine's real kubectl with a user's token for the AKS server application.
 */
type Endpoints = { control: string; resourceManager: string; kubernetes: string; caCertPath: string };

async function endpoints(): Promise<Endpoints & { ca: string }> {
  const parsed = JSON.parse(await readFile(path.join(e2eDataDir, "emulator", "endpoints.json"), "utf8")) as Endpoints;
  return { ...parsed, ca: await readFile(parsed.caCertPath, "utf8") };
}

type HttpAnswer = { status: number; body: unknown };

async function https(method: string, url: string, options: { token?: string; body?: unknown } = {}): Promise<HttpAnswer> {
  const { ca } = await endpoints();
  const payload = options.body === undefined ? undefined : JSON.stringify(options.body);
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = payload ? { "content-type": "application/json" } : {};
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    const call = request(url, { method, ca, headers }, (response) => {
      let text = "";
      response.setEncoding("utf8");
      response.on("data", (chunk: string) => (text += chunk));
      response.on("end", () => resolve({ status: response.statusCode ?? 0, body: text ? (JSON.parse(text) as unknown) : undefined }));
    });
    call.on("error", reject);
    call.end(payload);
  });
}

/** A token from the emulator's control API: `user` is a demo persona key (emulator/seed/organisation.ts). */
export async function emulatorToken(who: { user: string } | { servicePrincipal: string }, audience: "arm" | "aks"): Promise<string> {
  const { control } = await endpoints();
  const answer = await https("POST", `${control}/tokens`, { body: { ...who, audience } });
  if (answer.status !== 200) throw new Error(`The control API gave no token: ${answer.status} ${JSON.stringify(answer.body)}`);
  return (answer.body as { access_token: string }).access_token;
}

/** An ARM call (path from /subscriptions…, api-version added) with a bearer token. */
export async function arm(method: "GET" | "PUT" | "DELETE", resourcePath: string, token: string, body?: unknown): Promise<HttpAnswer> {
  const { resourceManager } = await endpoints();
  const separator = resourcePath.includes("?") ? "&" : "?";
  return https(method, `${resourceManager}${resourcePath}${separator}api-version=2022-04-01`, { token, body });
}

export type KubectlResult = { code: number; stdout: string; stderr: string };

/** The real kubectl (PATH) against an emulated cluster with `token`; its discovery cache starts empty. */
export async function kubectl(cluster: { subscriptionId: string; resourceGroup: string; name: string }, token: string, ...args: string[]): Promise<KubectlResult> {
  const { kubernetes, ca } = await endpoints();
  const server = `${kubernetes}/${cluster.subscriptionId}/${cluster.resourceGroup}/${cluster.name}`;
  const directory = await mkdtemp(path.join(tmpdir(), "clusterdesk-e2e-kubectl-"));
  try {
    const kubeconfig = path.join(directory, "kubeconfig");
    await writeFile(
      kubeconfig,
      JSON.stringify({
        apiVersion: "v1",
        kind: "Config",
        clusters: [{ name: "emulated", cluster: { server, "certificate-authority-data": Buffer.from(ca).toString("base64") } }],
        users: [{ name: "entra", user: {} }],
        contexts: [{ name: "emulated", context: { cluster: "emulated", user: "entra" } }],
        "current-context": "emulated",
      }),
    );
    return await new Promise<KubectlResult>((resolve) => {
      execFile(
        "kubectl",
        [`--kubeconfig=${kubeconfig}`, `--token=${token}`, `--cache-dir=${path.join(directory, "cache")}`, ...args],
        { timeout: 30_000 },
        (error, stdout, stderr) => resolve({ code: error ? (typeof error.code === "number" ? error.code : 1) : 0, stdout, stderr }),
      );
    });
  } finally {
    await rm(directory, { recursive: true, force: true });
  }
}

/** `kubectl apply` of one new ConfigMap in `namespace` (a manifest: `kubectl create configmap` may send protobuf). */
export async function createConfigMap(cluster: { subscriptionId: string; resourceGroup: string; name: string }, token: string, namespace: string): Promise<KubectlResult> {
  const directory = await mkdtemp(path.join(tmpdir(), "clusterdesk-e2e-manifest-"));
  try {
    const manifest = path.join(directory, "configmap.json");
    const name = `lifecycle-${Date.now().toString(36)}`;
    await writeFile(manifest, JSON.stringify({ apiVersion: "v1", kind: "ConfigMap", metadata: { name, namespace }, data: { scenario: "namespace-access-lifecycle" } }));
    return await kubectl(cluster, token, "apply", "--validate=false", "-f", manifest);
  } finally {
    await rm(directory, { recursive: true, force: true });
  }
}
