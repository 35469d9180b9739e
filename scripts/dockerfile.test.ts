import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { artefactEntryPoints } from "./lib/artefact-entry-points";

/**
 * No container engine runs here, so the Dockerfile is held to its promises by reading it: the final
 * stage is Node 24, non-root, checks its health, installs nothing and carries exactly the artefact
 * that scripts/artefact.build.test.ts installs and starts.
 */
const root = path.join(import.meta.dirname, "..");
const dockerfile = readFileSync(path.join(root, "Dockerfile"), "utf8").replace(/\\\n\s*/g, " ");
const lines = dockerfile.split("\n").map((line) => line.trim()).filter((line) => line && !line.startsWith("#"));
const stages = lines.reduce<Array<{ from: string; name: string; lines: string[] }>>((all, line) => {
  const from = /^FROM\s+(\S+)(?:\s+AS\s+(\S+))?/i.exec(line);
  if (from) all.push({ from: from[1] ?? "", name: from[2] ?? "", lines: [] });
  else all.at(-1)?.lines.push(line);
  return all;
}, []);
const final = stages.at(-1);
const nodeImage = /^ARG NODE_IMAGE=(\S+)/m.exec(dockerfile)?.[1];

describe("the Dockerfile", () => {
  it("builds in stages on Node 24", () => {
    expect(nodeImage).toMatch(/^node:24(\.|-|$)/);
    expect(stages.map((stage) => stage.name)).toEqual(["build", "production-dependencies", "final"]);
    expect(stages.every((stage) => stage.from === "${NODE_IMAGE}")).toBe(true);
  });

  it("installs production dependencies with npm ci --omit=dev, and nothing in the final stage", () => {
    const dependencies = stages.find((stage) => stage.name === "production-dependencies");
    expect(dependencies?.lines.join("\n")).toMatch(/RUN npm ci --omit=dev/);
    const runs = final?.lines.filter((line) => line.startsWith("RUN ")) ?? [];
    expect(runs.join("\n")).not.toMatch(/npm (ci|install)|apt-get|apk |gcc|make|python/);
    // npm itself is removed from the final image.
    expect(runs.join("\n")).toMatch(/rm -rf .*\/usr\/local\/lib\/node_modules\/npm/);
  });

  it("copies the artefact and its node_modules, runs as a non-root user, with a health check", () => {
    const copies = final?.lines.filter((line) => line.startsWith("COPY ")) ?? [];
    expect(copies).toEqual(["COPY --from=production-dependencies /app/node_modules ./node_modules", "COPY --from=build /src/.artefact ./"]);
    const user = final?.lines.find((line) => line.startsWith("USER "));
    expect(user).toMatch(/^USER [1-9]\d*(:[1-9]\d*)?$/);
    expect(final?.lines.find((line) => line.startsWith("HEALTHCHECK "))).toContain("/api/health");
  });

  it("starts the compiled launcher without migrating (a separate step as the migrator role)", () => {
    const command = final?.lines.find((line) => line.startsWith("CMD "));
    const argv = JSON.parse(command?.slice(4) ?? "[]") as string[];
    expect(argv.slice(0, 2)).toEqual(["node", `dist/serve.js`]);
    expect(Object.keys(artefactEntryPoints)).toContain("serve");
    expect(argv).toContain("--skip-migrations");
  });

  it("keeps local state, secrets and build output out of the build context", () => {
    const ignored = readFileSync(path.join(root, ".dockerignore"), "utf8").split("\n");
    for (const entry of ["node_modules", ".next", ".artefact", ".git", ".env", "data"]) expect(ignored).toContain(entry);
  });
});
