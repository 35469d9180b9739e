import type { EnvironmentDrift } from "@/lib/tenants/drift";

/** An environment's drift: in sync, unreadable, or each object changed outside Clusterdesk and how. */
export function DriftDetails({ drift }: { drift: EnvironmentDrift }) {
  if (drift.state === "none") return <span className="text-sm text-slate-600 dark:text-slate-400">Not applied by Clusterdesk</span>;
  if (drift.state === "in-sync") return <p className="text-sm">In sync with what Clusterdesk applied.</p>;
  if (drift.state === "unavailable") return <p className="text-sm text-red-800 dark:text-red-300">{drift.message}</p>;
  return (
    <div className="space-y-1 text-sm">
      <p className="font-medium text-amber-900 dark:text-amber-200">
        {drift.objects.length} object{drift.objects.length === 1 ? "" : "s"} changed outside Clusterdesk
      </p>
      <ul className="list-disc space-y-1 pl-5 text-xs">
        {drift.objects.map((object) => (
          <li key={object.key}>
            <span className="font-mono">{object.key}</span>
            {object.via === "arm" ? " (Azure)" : ""}: {object.what}
          </li>
        ))}
      </ul>
    </div>
  );
}
