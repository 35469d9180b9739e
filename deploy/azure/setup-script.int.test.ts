import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { chmod, mkdtemp, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { childEnvironment } from "@/test/support";

/**
 * deploy/azure/setup.sh before it reaches Azure: it parses, and a part whose settings are missing
 * stops naming every one of them without calling az. The `az` on PATH here records its calls, so a
 * call would show; it answers nothing (tests of the calls themselves run against the emulator).
 */
const script = path.join(import.meta.dirname, "setup.sh");
type Run = { code: number; stdout: string; stderr: string };
const run = (command: string, args: string[], env: NodeJS.ProcessEnv) =>
  new Promise<Run>((resolve) => {
    execFile(command, args, { env, timeout: 30_000 }, (error, stdout, stderr) =>
      resolve({ code: error ? (typeof error.code === "number" ? error.code : 1) : 0, stdout, stderr }));
  });

let bin: string;
let calls: string;
beforeAll(async () => {
  bin = await mkdtemp(path.join(tmpdir(), "clusterdesk-setup-"));
  calls = path.join(bin, "az-calls");
  await writeFile(path.join(bin, "az"), `#!/bin/sh\necho "$@" >> "${calls}"\nexit 3\n`);
  await chmod(path.join(bin, "az"), 0o755);
  for (const tool of ["jq", "bash", "sed", "tr", "dirname", "cat"]) {
    const found = onPath(tool);
    if (!found) throw new Error(`${tool} is not on PATH; setup.sh needs it`);
    await symlink(found, path.join(bin, tool));
  }
});
afterAll(async () => {
  await rm(bin, { recursive: true, force: true });
});
/** A tool's path on PATH, or undefined: shellcheck is optional, the others come with every Debian. */
function onPath(name: string): string | undefined {
  return (childEnvironment({}).PATH ?? "").split(path.delimiter).map((directory) => path.join(directory, name)).find((candidate) => existsSync(candidate));
}
const onlyPath = (): NodeJS.ProcessEnv => ({ PATH: bin, HOME: bin, NODE_ENV: "test" });

describe("deploy/azure/setup.sh", () => {
  it("parses (bash -n), and passes shellcheck where it is installed", async () => {
    expect(await run("bash", ["-n", script], childEnvironment({}))).toMatchObject({ code: 0, stderr: "" });
    const shellcheck = onPath("shellcheck");
    if (shellcheck) expect(await run(shellcheck, [script], childEnvironment({}))).toMatchObject({ code: 0, stdout: "" });
  });

  it.each([
    ["role", ["AZURE_SUBSCRIPTION_IDS"]],
    ["app", ["CLUSTERDESK_HOST", "AKS_RESOURCE_GROUP", "AKS_CLUSTER"]],
    ["database", ["DATABASE_RESOURCE_GROUP", "DATABASE_SERVER", "DATABASE_LOCATION", "DATABASE_ADMIN_USER", "DATABASE_ADMIN_PASSWORD", "MIGRATOR_PASSWORD", "RUNTIME_PASSWORD"]],
  ])("the %s part without its settings names each missing one and calls nothing", async (part, missing) => {
    const result = await run(path.join(bin, "bash"), [script, part], onlyPath());
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`missing environment variable(s): ${missing.join(" ")}`);
    expect(existsSync(calls)).toBe(false);
  });

  it("refuses an unknown part", async () => {
    const result = await run(path.join(bin, "bash"), [script, "network"], onlyPath());
    expect(result).toMatchObject({ code: 1, stderr: expect.stringContaining("unknown part 'network'") });
  });
});
