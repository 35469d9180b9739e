import { type ApiServerExposure, exposureLabels } from "@/lib/clusters/exposure";

const tones: Record<ApiServerExposure, string> = {
  private: "bg-emerald-100 text-emerald-900 dark:bg-emerald-900 dark:text-emerald-100",
  "authorized-ranges": "bg-sky-100 text-sky-900 dark:bg-sky-900 dark:text-sky-100",
  open: "bg-red-100 text-red-900 dark:bg-red-900 dark:text-red-100",
};

export function ExposureBadge({ exposure }: { exposure: ApiServerExposure }) {
  return <span className={`inline-block rounded px-2 py-0.5 text-xs font-medium ${tones[exposure]}`}>{exposureLabels[exposure]}</span>;
}

export function FindingCounts({ high, medium, low, unknown = 0 }: { high: number; medium: number; low: number; unknown?: number }) {
  // Unknown is not compliant: "None" only when every check could run.
  if (high + medium + low === 0 && unknown > 0) return <span className="text-xs font-medium text-amber-800 dark:text-amber-300">{unknown} not checked</span>;
  if (high + medium + low === 0) return <span className="text-emerald-700 dark:text-emerald-400">None</span>;
  return (
    <span className="flex flex-wrap gap-1 text-xs font-medium">
      {high > 0 ? <span className="rounded bg-red-100 px-1.5 py-0.5 text-red-900 dark:bg-red-900 dark:text-red-100">{high} high</span> : null}
      {medium > 0 ? <span className="rounded bg-amber-100 px-1.5 py-0.5 text-amber-900 dark:bg-amber-900 dark:text-amber-100">{medium} medium</span> : null}
      {low > 0 ? <span className="rounded bg-slate-200 px-1.5 py-0.5 text-slate-900 dark:bg-slate-700 dark:text-slate-100">{low} low</span> : null}
    </span>
  );
}
