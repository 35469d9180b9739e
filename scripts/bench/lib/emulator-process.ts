import { spawn } from "node:child_process";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { trustCertificateAuthority } from "../../../emulator/test-support/start-test-emulator";
import { freePort } from "../../lib/free-port";

/**
 * The emulator in a process of its own (`emulator/main.ts`), driven through its control API, so a
 * benchmark measures the portal's CPU and memory, not the emulated Azure's: in production ARM and
 * the API servers run elsewhere. Its CA is trusted in this process.
 */
export type EmulatorProcess = {
  url: string;
  control(method: "GET" | "POST" | "DELETE", resource: string, body?: unknown): Promise<unknown>;
  /** Peak resident memory of the emulator process, in MB (Linux /proc), or null. */
  peakRssMb(): Promise<number | null>;
  /** CPU time the emulator process has used so far (user + system), in ms (Linux /proc), or null. */
  cpuMs(): Promise<number | null>;
  stop(): Promise<void>;
};

/** `cpuProfileDir`: the emulator writes a V8 CPU profile there when it stops (`node --cpu-prof`). */
export async function startEmulatorProcess(options: { cpuProfileDir?: string } = {}): Promise<EmulatorProcess> {
  const dataDir = await mkdtemp(path.join(tmpdir(), "clusterdesk-bench-emulator-"));
  const url = `https://localhost:${await freePort()}`;
  const profiling = options.cpuProfileDir ? ["--cpu-prof", `--cpu-prof-dir=${options.cpuProfileDir}`] : [];
  const child = spawn(process.execPath, [...profiling, "--import", "tsx", path.join("emulator", "main.ts")], {
    env: { ...process.env, CLUSTERDESK_EMULATOR_URL: url, CLUSTERDESK_DATA_DIR: dataDir, CLUSTERDESK_EMULATOR_LRO_MS: "30" },
    stdio: ["ignore", "ignore", "inherit"],
  });
  const endpointsFile = path.join(dataDir, "emulator", "endpoints.json");
  let endpoints: { control: string; caCertPath: string } | undefined;
  for (let attempt = 0; !endpoints; attempt += 1) {
    if (child.exitCode !== null) throw new Error(`the emulator exited with ${child.exitCode}`);
    if (attempt > 240) throw new Error("the emulator did not start within 120 s");
    endpoints = await readFile(endpointsFile, "utf8").then((text) => JSON.parse(text) as { control: string; caCertPath: string }, () => undefined);
    if (!endpoints) await new Promise((resolve) => setTimeout(resolve, 500));
  }
  trustCertificateAuthority(await readFile(endpoints.caCertPath, "utf8"));
  const controlUrl = endpoints.control;
  return {
    url,
    async control(method, resource, body) {
      const response = await fetch(`${controlUrl}/${resource}`, { method, headers: body === undefined ? {} : { "content-type": "application/json" }, body: body === undefined ? undefined : JSON.stringify(body) });
      if (!response.ok) throw new Error(`${method} /_emulator/${resource}: ${response.status} ${await response.text()}`);
      return response.json() as Promise<unknown>;
    },
    async peakRssMb() {
      const status = await readFile(`/proc/${child.pid}/status`, "utf8").catch(() => "");
      const kb = /VmHWM:\s+(\d+)/.exec(status)?.[1];
      return kb ? Number(kb) / 1024 : null;
    },
    async cpuMs() {
      // Fields 14 and 15 of /proc/<pid>/stat, after the parenthesised command name; clock ticks of 10 ms.
      const stat = await readFile(`/proc/${child.pid}/stat`, "utf8").catch(() => "");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      const ticks = Number(fields[11]) + Number(fields[12]);
      return Number.isFinite(ticks) ? ticks * 10 : null;
    },
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once("exit", resolve));
        child.kill("SIGTERM");
        await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 10_000))]);
      }
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
