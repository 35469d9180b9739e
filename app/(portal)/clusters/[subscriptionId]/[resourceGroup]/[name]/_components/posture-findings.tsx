import type { PostureEvaluation, PostureFinding } from "@/lib/posture";
import { Section } from "./facts";

const statusStyles: Record<PostureFinding["status"], string> = {
  fail: "bg-red-100 text-red-900 dark:bg-red-900 dark:text-red-100",
  pass: "bg-emerald-100 text-emerald-900 dark:bg-emerald-900 dark:text-emerald-100",
  unknown: "bg-slate-200 text-slate-900 dark:bg-slate-700 dark:text-slate-100",
};
const statusLabels: Record<PostureFinding["status"], string> = { fail: "Failing", pass: "Passing", unknown: "Unknown" };
const order: Record<PostureFinding["status"], number> = { fail: 0, unknown: 1, pass: 2 };
const severityOrder = { high: 0, medium: 1, low: 2, info: 3 } as const;

export function PostureFindings({ posture }: { posture: PostureEvaluation }) {
  const findings = [...posture.findings].sort((a, b) => order[a.status] - order[b.status] || severityOrder[a.severity] - severityOrder[b.severity]);
  return (
    <Section title="Security posture">
      <p className="mb-4 text-sm">
        Score <strong className="text-lg tabular-nums" data-testid="posture-score">{posture.score}</strong> / 100 · {posture.failing.high} high, {posture.failing.medium} medium,{" "}
        {posture.failing.low} low failing · {posture.unknownCount} not checked
      </p>
      <ul className="space-y-3">
        {findings.map((finding) => (
          <li key={finding.id} className="rounded-md border border-slate-200 p-3 dark:border-slate-800">
            <div className="flex flex-wrap items-center gap-2">
              <span className={`rounded px-2 py-0.5 text-xs font-medium ${statusStyles[finding.status]}`}>{statusLabels[finding.status]}</span>
              <span className="rounded bg-slate-100 px-2 py-0.5 text-xs font-medium capitalize dark:bg-slate-800">{finding.severity}</span>
              <h3 className="font-medium">{finding.title}</h3>
            </div>
            <p className="mt-1 text-sm">{finding.detail}</p>
            {finding.status !== "pass" ? (
              <details className="mt-2 text-sm">
                <summary className="cursor-pointer text-sky-700 dark:text-sky-400">Why it matters and how to fix it</summary>
                <p className="mt-2"><span className="font-medium">Why: </span>{finding.why}</p>
                <p className="mt-1"><span className="font-medium">Fix: </span><code className="break-words rounded bg-slate-100 px-1 dark:bg-slate-800">{finding.fix}</code></p>
                <p className="mt-1">
                  <a href={finding.docsUrl} className="text-sky-700 underline dark:text-sky-400" target="_blank" rel="noreferrer">Documentation<span className="sr-only"> for {finding.title} (opens in a new tab)</span></a>
                </p>
              </details>
            ) : null}
          </li>
        ))}
      </ul>
    </Section>
  );
}
