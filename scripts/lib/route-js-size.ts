import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { runInNewContext } from "node:vm";
import { gzipSync } from "node:zlib";

/**
 * First-load JavaScript per route of a production build, gzipped: what a browser downloads before a
 * route is interactive. Next 16 no longer prints these sizes after `next build`, so we read them from
 * the build's own manifests: `build-manifest.json` names the framework chunks every route loads
 * (`rootMainFiles`), and each route's `*_client-reference-manifest.js` names the chunks of its
 * layouts, boundaries and page (`entryJSFiles`). Chunks shared by several segments count once.
 * Polyfills are left out: the browsers we support skip `nomodule` scripts.
 */

export type RouteJs = { route: string; files: string[]; gzipBytes: number };

type BuildManifest = { rootMainFiles: string[] };
type ClientReferenceManifest = { entryJSFiles?: Record<string, string[]> };

/** The route's URL path from a manifest's key: "/(portal)/clusters/(list)/page" → "/clusters". */
export function routePathOf(entry: string): string {
  const segments = entry
    .split("/")
    .slice(0, -1)
    .filter((segment) => segment !== "" && !/^\(.*\)$/.test(segment));
  return `/${segments.join("/")}`;
}

/** The chunks a route loads first: the framework's, then its segments', each once, in load order. */
export function firstLoadFiles(build: BuildManifest, route: ClientReferenceManifest): string[] {
  return [...new Set([...build.rootMainFiles, ...Object.values(route.entryJSFiles ?? {}).flat()])];
}

/** A client reference manifest is a script assigning `globalThis.__RSC_MANIFEST[entry]`; evaluated in a sandbox. */
export function parseClientReferenceManifest(source: string): Map<string, ClientReferenceManifest> {
  const sandbox = { globalThis: {} as { __RSC_MANIFEST?: Record<string, ClientReferenceManifest> } };
  runInNewContext(source, sandbox, { timeout: 1_000 });
  return new Map(Object.entries(sandbox.globalThis.__RSC_MANIFEST ?? {}));
}

async function pageManifests(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { withFileTypes: true, recursive: true });
  return entries.filter((entry) => entry.isFile() && entry.name === "page_client-reference-manifest.js").map((entry) => path.join(entry.parentPath, entry.name));
}

/** Gzipped first-load JS of every page route of the build in `distDir` (API routes ship no JS). */
export async function routeFirstLoadJs(distDir: string): Promise<{ framework: RouteJs; routes: RouteJs[] }> {
  const build = JSON.parse(await readFile(path.join(distDir, "build-manifest.json"), "utf8")) as BuildManifest;
  const gzipped = new Map<string, number>();
  const sizeOf = async (files: string[]) => {
    let total = 0;
    for (const file of files) {
      if (!gzipped.has(file)) gzipped.set(file, gzipSync(await readFile(path.join(distDir, file)), { level: 9 }).length);
      total += gzipped.get(file) ?? 0;
    }
    return total;
  };
  const routes: RouteJs[] = [];
  for (const file of await pageManifests(path.join(distDir, "server", "app"))) {
    for (const [entry, manifest] of parseClientReferenceManifest(await readFile(file, "utf8"))) {
      const files = firstLoadFiles(build, manifest);
      routes.push({ route: routePathOf(entry), files, gzipBytes: await sizeOf(files) });
    }
  }
  routes.sort((a, b) => a.route.localeCompare(b.route));
  return { framework: { route: "(framework)", files: build.rootMainFiles, gzipBytes: await sizeOf(build.rootMainFiles) }, routes };
}
