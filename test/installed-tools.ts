import { accessSync, constants } from "node:fs";
import path from "node:path";

/**
 * Command-line tools a test drives (the Azure CLI): found on PATH, or missing for a stated reason. On CI
 * (`CI=true`, set by .ci/run, which installs them) a missing tool is a failure, never a silent skip.
 */
export type InstalledTool = { path: string } | { path: undefined; skipReason: string };

export function findInstalledTool(name: string, installHint: string): InstalledTool {
  for (const directory of (process.env.PATH ?? "").split(path.delimiter).filter(Boolean)) {
    const candidate = path.join(directory, name);
    try {
      accessSync(candidate, constants.X_OK);
      return { path: candidate };
    } catch {
      // Not in this directory; keep looking.
    }
  }
  const reason = `\`${name}\` is not on PATH (${installHint})`;
  if (process.env.CI === "true") throw new Error(`CI (CI=true) needs ${name}, but ${reason}; .ci/run installs it.`);
  console.warn(`Skipping the tests that drive ${name}: ${reason}.`);
  return { path: undefined, skipReason: reason };
}
