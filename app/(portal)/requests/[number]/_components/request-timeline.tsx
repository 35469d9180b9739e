import { Timestamp } from "@/components/ui/timestamp";
import type { RequestStatus } from "@/lib/requests/state-machine";
import type { TimelineTone } from "@/lib/requests/timeline";
import type { ChangeRequestDetail } from "@/lib/server/requests/queries";

const dots: Record<TimelineTone, string> = {
  neutral: "bg-slate-400",
  success: "bg-emerald-600",
  danger: "bg-red-600",
  progress: "bg-indigo-600",
};

function LiveStep({ status, progress }: { status: RequestStatus; progress: ChangeRequestDetail["progress"] }) {
  if (status !== "approved" && status !== "applying") return null;
  const title = status === "approved" ? "Queued: waiting for the worker to pick it up" : progress ? `In progress: ${progress.message}` : "In progress";
  return (
    <li className="relative pl-6">
      <span aria-hidden="true" className="absolute left-0 top-1.5 size-3 animate-pulse rounded-full bg-indigo-600" />
      <p className="font-medium">{title}</p>
      {status === "applying" && progress?.operationStatus ? <p className="text-sm">Azure operation status: {progress.operationStatus}</p> : null}
      {status === "applying" && progress?.at ? (
        <p className="text-xs text-slate-600 dark:text-slate-400">
          Last update <Timestamp date={progress.at} withAbsolute />
        </p>
      ) : null}
    </li>
  );
}

/** The request's audit events, oldest first, plus the executor's live progress while it runs. */
export function RequestTimeline({ request }: { request: ChangeRequestDetail }) {
  return (
    <ol className="space-y-4 border-l border-slate-200 pl-4 dark:border-slate-700">
      {request.timeline.map((entry) => (
        <li key={entry.id} className="relative pl-6">
          <span aria-hidden="true" className={`absolute left-0 top-1.5 size-3 rounded-full ${dots[entry.tone]}`} />
          <p className="font-medium">{entry.title}</p>
          <p className="text-xs text-slate-600 dark:text-slate-400">
            <Timestamp date={entry.at} withAbsolute />
          </p>
          {entry.detail ? <p className="mt-1 whitespace-pre-wrap text-sm">{entry.detail}</p> : null}
        </li>
      ))}
      <LiveStep status={request.status} progress={request.progress} />
    </ol>
  );
}
