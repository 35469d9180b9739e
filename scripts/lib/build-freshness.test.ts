import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { buildNeeded, isBuildInput, readBuildState, recordBuild, sourceFingerprint } from "./build-freshness";

describe("buildNeeded", () => {
  it("builds when there is no build, when its sources are unknown, and when they changed", () => {
    expect(buildNeeded({ hasBuild: false, builtFrom: "a", sources: "a" })).toBe("no production build yet");
    expect(buildNeeded({ hasBuild: true, builtFrom: undefined, sources: "a" })).toMatch(/not made by this launcher/);
    expect(buildNeeded({ hasBuild: true, builtFrom: "a", sources: "b" })).toBe("the sources changed since the last build");
    expect(buildNeeded({ hasBuild: true, builtFrom: "a", sources: "a" })).toBeUndefined();
  });
});

describe("isBuildInput", () => {
  it("counts sources, configuration and the lockfile; not tests, docs, data or outputs", () => {
    for (const input of ["app/page.tsx", "lib/cidr/parse.ts", "package-lock.json", "next.config.js", "prisma/schema.prisma", "emulator/seed/data.ts"]) expect(isBuildInput(input), input).toBe(true);
    for (const other of ["lib/cidr/parse.test.ts", "scripts/serve.int.test.ts", "README.md", "docs/ARCHITECTURE.md", "e2e/sign-in.spec.ts", "scripts/serve.ts", "clusterdesk", "vitest.config.ts", "data/postgres/PG_VERSION", ".next/BUILD_ID", "node_modules/next/package.json", "lib/x/node_modules/y.js"]) {
      expect(isBuildInput(other), other).toBe(false);
    }
  });
});

describe("the fingerprint of a project folder", () => {
  let root: string;
  beforeEach(async () => {
    root = await mkdtemp(path.join(tmpdir(), "clusterdesk-build-"));
    await mkdir(path.join(root, "app"), { recursive: true });
    await mkdir(path.join(root, ".next"), { recursive: true });
    await writeFile(path.join(root, "app", "page.tsx"), "export default function Page() {}\n");
    await writeFile(path.join(root, "package-lock.json"), "{}\n");
  });
  afterEach(() => rm(root, { recursive: true, force: true }));

  it("changes with a source's content and not with a test, a doc or the build itself", async () => {
    const before = await sourceFingerprint(root);
    await writeFile(path.join(root, "app", "page.test.tsx"), "test\n");
    await writeFile(path.join(root, "README.md"), "docs\n");
    await writeFile(path.join(root, ".next", "BUILD_ID"), "x\n");
    expect(await sourceFingerprint(root)).toBe(before);
    await writeFile(path.join(root, "app", "page.tsx"), "export default function Page() { return null; }\n");
    expect(await sourceFingerprint(root)).not.toBe(before);
  });

  it("asks for a build until one is recorded, then again after a change", async () => {
    expect(buildNeeded(await readBuildState(root))).toBe("no production build yet");
    await writeFile(path.join(root, ".next", "BUILD_ID"), "x\n");
    const state = await readBuildState(root);
    await recordBuild(root, state.sources);
    expect(buildNeeded(await readBuildState(root))).toBeUndefined();
    await writeFile(path.join(root, "package-lock.json"), '{"lockfileVersion":3}\n');
    expect(buildNeeded(await readBuildState(root))).toBe("the sources changed since the last build");
  });
});
