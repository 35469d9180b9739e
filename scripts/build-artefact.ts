/**
 * npm run build (after `next build`): assembles the production artefact in .artefact/, the file set
 * the Dockerfile's final stage copies, to which `npm ci --omit=dev` adds node_modules:
 *
 *   server.js, .next/          Next.js's standalone server and its build output (no .next/cache)
 *   .next/static/, public/     assets the standalone server serves but does not copy itself
 *   dist/*.js                  the launcher, worker, migration runner and audit verifier, compiled
 *   prisma/migrations/         the SQL the migration runner applies
 *   deploy/database/runtime-grants.sql   the runtime role's rights, applied by dist/migrate.js
 *   package.json, package-lock.json, scripts/db/generate-client.mjs (npm ci's postinstall)
 *
 * The scripts are bundled with esbuild so production needs neither tsx nor TypeScript: the project's
 * own code (and development-only packages it reaches, such as the emulator's node-forge, used in
 * local mode) is inlined; production dependencies stay external and come from node_modules.
 * `server-only` is inlined under the react-server condition, as `node --conditions=react-server` did.
 */
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { build } from "esbuild";
import { artefactEntryPoints as entryPoints } from "./lib/artefact-entry-points";

const root = process.cwd();
const out = path.join(root, ".artefact");
const standalone = path.join(root, ".next", "standalone");
if (!existsSync(path.join(standalone, "server.js"))) {
  console.error("build-artefact: .next/standalone/server.js is missing: run `next build` first (next.config.js has output: \"standalone\")");
  process.exit(1);
}


const manifest = JSON.parse(readFileSync(path.join(root, "package.json"), "utf8")) as { dependencies: Record<string, string> };
const external = Object.keys(manifest.dependencies)
  .filter((name) => name !== "server-only")
  .flatMap((name) => [name, `${name}/*`]);

rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });

const result = await build({
  entryPoints,
  outdir: path.join(out, "dist"),
  bundle: true,
  splitting: true,
  format: "esm",
  platform: "node",
  target: "node22",
  conditions: ["react-server"],
  external,
  // Inlined CommonJS packages (node-forge) call require(); ESM output has none of its own.
  banner: { js: 'import { createRequire as __clusterdeskRequire } from "node:module"; const require = __clusterdeskRequire(import.meta.url);' },
  chunkNames: "chunks/[name]-[hash]",
  sourcemap: "linked",
  logLevel: "warning",
  metafile: true,
});

// Next.js's standalone output (its own traced node_modules are left out: npm ci --omit=dev provides them).
cpSync(path.join(standalone, "server.js"), path.join(out, "server.js"));
cpSync(path.join(standalone, ".next"), path.join(out, ".next"), { recursive: true, verbatimSymlinks: true });
cpSync(path.join(root, ".next", "static"), path.join(out, ".next", "static"), { recursive: true });
if (existsSync(path.join(root, "public"))) cpSync(path.join(root, "public"), path.join(out, "public"), { recursive: true });
cpSync(path.join(root, "prisma", "migrations"), path.join(out, "prisma", "migrations"), { recursive: true });
for (const file of ["package.json", "package-lock.json", path.join("scripts", "db", "generate-client.mjs"), path.join("deploy", "database", "runtime-grants.sql")]) {
  mkdirSync(path.dirname(path.join(out, file)), { recursive: true });
  cpSync(path.join(root, file), path.join(out, file));
}

const bytes = Object.values(result.metafile.outputs).reduce((sum, output) => sum + output.bytes, 0);
console.log(`build-artefact: .artefact/ ready (${Object.keys(entryPoints).length} compiled entry points, ${Math.round(bytes / 1024)} KB of JavaScript); add node_modules with npm ci --omit=dev`);
