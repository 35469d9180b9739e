/**
 * npm test: typecheck, lint, unit, integration, production build and artefact, checks over them (bundle) and e2e,
 * one after another.
 * Every step runs even when an earlier one fails, so one run shows everything that is broken;
 * a summary of each runner's counts closes the output and the exit code is non-zero on any failure.
 */
import { spawn } from "node:child_process";
import { mkdirSync, readFileSync } from "node:fs";
import path from "node:path";

type Counts = { passed: number; failed: number; skipped: number };
type Step = { name: string; command: string[]; env?: Record<string, string>; counts?: () => Counts };

const results = path.join("test-results");
mkdirSync(results, { recursive: true });
const bin = (tool: string) => path.join("node_modules", ".bin", tool);

function vitestCounts(file: string): () => Counts {
  return () => {
    const report = JSON.parse(readFileSync(file, "utf8")) as { numPassedTests: number; numFailedTests: number; numPendingTests: number; numTodoTests: number };
    return { passed: report.numPassedTests, failed: report.numFailedTests, skipped: report.numPendingTests + report.numTodoTests };
  };
}

function playwrightCounts(file: string): () => Counts {
  return () => {
    const report = JSON.parse(readFileSync(file, "utf8")) as { stats: { expected: number; unexpected: number; flaky: number; skipped: number } };
    return { passed: report.stats.expected, failed: report.stats.unexpected + report.stats.flaky, skipped: report.stats.skipped };
  };
}

function vitestStep(project: "unit" | "integration" | "bundle"): Step {
  const file = path.join(results, `${project}.json`);
  return {
    name: project,
    command: [bin("vitest"), "run", "--project", project, "--reporter=default", "--reporter=json", `--outputFile.json=${file}`],
    counts: vitestCounts(file),
  };
}

const e2eReport = path.join(results, "e2e.json");
const steps: Step[] = [
  { name: "typecheck", command: [bin("tsc"), "--noEmit"] },
  { name: "lint", command: [bin("eslint"), "--max-warnings=0", "."] },
  vitestStep("unit"),
  vitestStep("integration"),
  { name: "build", command: [bin("next"), "build"], env: { NEXT_TELEMETRY_DISABLED: "1" } },
  // The production artefact (.artefact/) from that build; the bundle step's smoke test installs and starts it.
  { name: "artefact", command: [bin("tsx"), "scripts/build-artefact.ts"] },
  vitestStep("bundle"),
  {
    name: "e2e",
    command: [bin("playwright"), "test", "--reporter=list,json"],
    env: { PLAYWRIGHT_JSON_OUTPUT_NAME: e2eReport },
    counts: playwrightCounts(e2eReport),
  },
];

function run(step: Step): Promise<number> {
  const [command, ...args] = step.command;
  if (!command) throw new Error(`step ${step.name} has no command`);
  console.log(`\n━━━ ${step.name}: ${step.command.join(" ")}`);
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: "inherit", env: { ...process.env, ...step.env } });
    child.on("exit", (code) => resolve(code ?? 1));
    child.on("error", () => resolve(1));
  });
}

const started = Date.now();
const summary: Array<{ name: string; ok: boolean; seconds: number; counts?: Counts }> = [];
for (const step of steps) {
  const stepStarted = Date.now();
  const code = await run(step);
  let counts: Counts | undefined;
  try {
    counts = step.counts?.();
  } catch {
    counts = undefined; // the runner crashed before writing its report; the exit code tells
  }
  summary.push({ name: step.name, ok: code === 0, seconds: Math.round((Date.now() - stepStarted) / 1000), counts });
}

console.log("\n━━━ summary");
for (const line of summary) {
  const counts = line.counts ? ` ${line.counts.passed} passed, ${line.counts.failed} failed, ${line.counts.skipped} skipped` : "";
  console.log(`${line.ok ? "ok  " : "FAIL"} ${line.name.padEnd(12)} ${String(line.seconds).padStart(4)}s${counts}`);
}
const total = summary.reduce(
  (sum, line) => ({
    passed: sum.passed + (line.counts?.passed ?? 0),
    failed: sum.failed + (line.counts?.failed ?? 0) + (line.ok || line.counts ? 0 : 1),
    skipped: sum.skipped + (line.counts?.skipped ?? 0),
  }),
  { passed: 0, failed: 0, skipped: 0 },
);
console.log(`total time ${Math.round((Date.now() - started) / 1000)}s`);
console.log(`tests: ${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped`);
process.exit(summary.every((line) => line.ok) ? 0 : 1);
