import { spawn } from "node:child_process";
import path from "node:path";
import { buildNeeded, readBuildState, recordBuild } from "./build-freshness";

/**
 * `next build` when the sources changed since the last build (or there is none), so that
 * `./clusterdesk start` serves a production build without a newcomer knowing to build first.
 * `onChild` lets the launcher forward Ctrl-C to the build.
 */
export async function ensureProductionBuild(env: NodeJS.ProcessEnv, onChild: (child: ReturnType<typeof spawn>) => void): Promise<void> {
  const root = process.cwd();
  const reason = buildNeeded(await readBuildState(root));
  if (!reason) {
    console.log("[clusterdesk] production build is up to date");
    return;
  }
  console.log(`[clusterdesk] building the portal (${reason}); this takes a few minutes`);
  const child = spawn(path.join("node_modules", ".bin", "next"), ["build"], { env, stdio: "inherit" });
  onChild(child);
  const code = await new Promise<number | null>((resolve) => child.on("exit", resolve));
  if (code !== 0) throw new Error(`next build failed (exit ${code ?? "by signal"})`);
  // Fingerprint after the build: it may rewrite configuration files (tsconfig.json) itself.
  await recordBuild(root, (await readBuildState(root)).sources);
}
