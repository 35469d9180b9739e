import { execFile } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { dump } from "js-yaml";
import { childEnvironment } from "../../../test/support";

/** Runs the machine's kubectl against a kubeconfig with `certificate-authority-data` and a `--token`. */
export type KubectlResult = { code: number; stdout: string; stderr: string };

export async function writeKubeconfig(directory: string, server: string, caPem: string): Promise<string> {
  const file = path.join(directory, "kubeconfig");
  const config = {
    apiVersion: "v1",
    kind: "Config",
    clusters: [{ name: "emulated", cluster: { server, "certificate-authority-data": Buffer.from(caPem).toString("base64") } }],
    users: [{ name: "entra", user: {} }],
    contexts: [{ name: "emulated", context: { cluster: "emulated", user: "entra" } }],
    "current-context": "emulated",
  };
  await writeFile(file, dump(config));
  return file;
}

export async function withKubectl<T>(
  server: string,
  caPem: string,
  body: (kubectl: (token: string, ...args: string[]) => Promise<KubectlResult>, directory: string) => Promise<T>,
  environment: Record<string, string> = {},
): Promise<T> {
  const directory = await mkdtemp(path.join(tmpdir(), "clusterdesk-kubectl-"));
  try {
    const kubeconfig = await writeKubeconfig(directory, server, caPem);
    const run = (token: string, ...args: string[]) =>
      new Promise<KubectlResult>((resolve) => {
        // HOME points at the temporary folder so kubectl's discovery cache starts empty every run.
        execFile(
          "kubectl",
          [`--kubeconfig=${kubeconfig}`, `--token=${token}`, `--cache-dir=${path.join(directory, "cache")}`, ...args],
          { env: childEnvironment({ ...environment, HOME: directory, KUBECONFIG: undefined }), timeout: 30_000 },
          (error, stdout, stderr) => resolve({ code: error ? (typeof error.code === "number" ? error.code : 1) : 0, stdout, stderr }),
        );
      });
    return await body(run, directory);
  } finally {
    await rm(directory, { recursive: true, force: true });
  }
}
