import { type ChildProcess, spawn } from "node:child_process";

/**
 * Clusterdesk's processes as a deployment runs them, for the multi-instance test: portal instances
 * through the launcher (`npm start`: migrate, then `next start` of the build in .next behind the
 * front) and `npm run worker`. Each runs in its own process group, so a SIGKILL takes the launcher
 * and its Next.js server down together, as when a pod or VM dies. Output is kept for the report.
 */
export type Instance = {
  name: string;
  process: ChildProcess;
  output(): string;
  exited: Promise<number | null>;
  /** Signals the whole process group (launcher and Next.js), then waits for the launcher to exit. */
  stop(signal: "SIGTERM" | "SIGKILL"): Promise<number | null>;
  /** Freezes the process group (SIGSTOP) or lets it run on (SIGCONT): to decide which process takes a job. */
  pause(): void;
  resume(): void;
};

function launch(name: string, args: string[], environment: NodeJS.ProcessEnv): Instance {
  const child = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", ...args], { env: environment, stdio: ["ignore", "pipe", "pipe"], detached: true });
  let output = "";
  const keep = (chunk: Buffer) => (output += chunk.toString("utf8"));
  child.stdout.on("data", keep);
  child.stderr.on("data", keep);
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code, signal) => resolve(code ?? (signal ? -1 : null))));
  const signalGroup = (signal: NodeJS.Signals) => {
    if (child.exitCode !== null || child.signalCode !== null || !child.pid) return;
    try {
      process.kill(-child.pid, signal);
    } catch {
      // already gone
    }
  };
  return {
    name,
    process: child,
    output: () => output,
    exited,
    async stop(signal) {
      signalGroup(signal);
      signalGroup("SIGCONT");
      return exited;
    },
    pause: () => signalGroup("SIGSTOP"),
    resume: () => signalGroup("SIGCONT"),
  };
}

export function startPortal(name: string, port: number, environment: NodeJS.ProcessEnv): Instance {
  return launch(name, ["scripts/serve.ts", "--production", "--port", String(port)], environment);
}

export function startWorker(name: string, environment: NodeJS.ProcessEnv): Instance {
  return launch(name, ["scripts/worker.ts"], environment);
}

/** Polls `probe` until it returns a value; deadlines are generous because the machine is shared. */
export async function eventually<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs: number, everyMs = 250): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe().catch(() => undefined);
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}

export async function healthy(port: number): Promise<true | undefined> {
  const response = await fetch(`http://127.0.0.1:${port}/api/health`);
  return response.ok ? true : undefined;
}
