import { createHash } from "node:crypto";
import { readdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";

/**
 * Whether the production build in .next still matches the sources. The fingerprint hashes the
 * contents (not the times: a checkout or a copy changes times but not the build) of every file that
 * can reach the build: everything in the project except what the build never reads (dependencies
 * are covered by package-lock.json; tests, docs, deployment manifests, the launcher and the test tooling are not bundled;
 * data and outputs are not sources). A needless rebuild costs minutes, a missed one serves old code:
 * when unsure, a file counts.
 */
const skippedTopFolders = new Set([".next", ".tools", "data", "test-results", "playwright-report", "blob-report", "coverage", "docs", "e2e", ".ci", "scripts", "test", "deploy", ".artefact"]);
const skippedTopFiles = new Set(["clusterdesk", "vitest.config.ts", "playwright.config.ts", "eslint.config.mjs", ".gitignore", ".nvmrc", "Dockerfile", ".dockerignore"]);
const skippedFolders = new Set(["node_modules", ".git"]);
// next-env.d.ts is written by the build itself.
const skippedFiles = [/\.test\.tsx?$/, /\.test-helper\.ts$/, /\.md$/, /\.tsbuildinfo$/, /^\.env/, /^next-env\.d\.ts$/];

export const fingerprintFile = path.join(".next", "clusterdesk-sources.sha256");

export function isBuildInput(relativePath: string): boolean {
  const parts = relativePath.split(/[\\/]/);
  const name = parts.at(-1) ?? "";
  if (parts.length === 1 && skippedTopFiles.has(name)) return false;
  return !skippedTopFolders.has(parts[0] ?? "") && !parts.some((part) => skippedFolders.has(part)) && !skippedFiles.some((pattern) => pattern.test(name));
}

async function buildInputs(root: string, folder = ""): Promise<string[]> {
  const entries = await readdir(path.join(root, folder), { withFileTypes: true });
  const nested = await Promise.all(
    entries.map((entry) => {
      const relative = path.join(folder, entry.name);
      if (!isBuildInput(relative)) return [];
      return entry.isDirectory() ? buildInputs(root, relative) : entry.isFile() ? [relative] : [];
    }),
  );
  return nested.flat();
}

export async function sourceFingerprint(root: string): Promise<string> {
  const files = (await buildInputs(root)).sort();
  const hash = createHash("sha256");
  for (const file of files) hash.update(`${file}\0`).update(await readFile(path.join(root, file))).update("\0");
  return hash.digest("hex");
}

export type BuildState = { hasBuild: boolean; builtFrom: string | undefined; sources: string };

/** The "needs a build?" decision, with the reason shown to the user (a build takes minutes). */
export function buildNeeded(state: BuildState): string | undefined {
  if (!state.hasBuild) return "no production build yet";
  if (state.builtFrom === undefined) return "the build was not made by this launcher, so its sources are unknown";
  if (state.builtFrom !== state.sources) return "the sources changed since the last build";
  return undefined;
}

export async function readBuildState(root: string): Promise<BuildState> {
  const read = (file: string) => readFile(path.join(root, file), "utf8").then((text) => text.trim(), () => undefined);
  const [buildId, builtFrom, sources] = await Promise.all([read(path.join(".next", "BUILD_ID")), read(fingerprintFile), sourceFingerprint(root)]);
  return { hasBuild: buildId !== undefined, builtFrom, sources };
}

export function recordBuild(root: string, sources: string): Promise<void> {
  return writeFile(path.join(root, fingerprintFile), `${sources}\n`);
}
