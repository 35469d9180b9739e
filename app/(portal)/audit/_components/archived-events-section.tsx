import { Alert } from "@/components/ui/alert";
import { Timestamp } from "@/components/ui/timestamp";
import { formatBytes } from "@/lib/format/bytes";
import { formatAbsoluteTime } from "@/lib/format/time";
import { listAuditArchives } from "@/lib/server/audit/archive-listing";
import { ArchiveVerify } from "./archive-verify";

const linkClass = "font-medium text-sky-700 hover:underline dark:text-sky-400";

/**
 * The archive files retention wrote (archive-audit-log.ts), for admins and auditors only: each file
 * holds every event of its range, so a lead's scope cannot apply. Listed as cards, not a table, so
 * the 64-character digests wrap at phone width instead of scrolling.
 */
export async function ArchivedEventsSection() {
  const archives = await listAuditArchives();
  return (
    <section aria-labelledby="archives-heading" className="mt-8">
      <h2 id="archives-heading" className="text-lg font-semibold">Archived events</h2>
      <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">
        Events older than the retention period leave the table for files in the archive folder, each with its hashes and signed checkpoint. Downloads and verifications are audited.
      </p>
      {archives.length === 0 ? (
        <p className="mt-3 rounded-lg border border-dashed border-slate-300 px-4 py-6 text-center text-sm text-slate-600 dark:border-slate-700 dark:text-slate-400">
          No events have been archived: every event is still in the log above.
        </p>
      ) : (
        <ul aria-label="Archive files" className="mt-3 space-y-3">
          {archives.map((archive) => {
            const label = `events ${archive.firstSeq}–${archive.lastSeq}`;
            return (
              <li key={archive.id} className="rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900">
                <h3 className="text-sm font-semibold">Events {archive.firstSeq}–{archive.lastSeq}</h3>
                <dl className="mt-2 grid gap-x-4 gap-y-1 text-sm sm:grid-cols-[10rem_1fr]">
                  <dt className="text-slate-600 dark:text-slate-400">Period</dt>
                  <dd>{archive.period ? `${formatAbsoluteTime(archive.period.from)} – ${formatAbsoluteTime(archive.period.to)}` : "not recorded"}</dd>
                  <dt className="text-slate-600 dark:text-slate-400">File</dt>
                  <dd className="break-all font-mono text-xs">{archive.fileName}</dd>
                  <dt className="text-slate-600 dark:text-slate-400">Size</dt>
                  <dd>{archive.file.present ? <span title={`${archive.file.size.toLocaleString("en")} bytes`}>{formatBytes(archive.file.size)}</span> : "—"}</dd>
                  <dt className="text-slate-600 dark:text-slate-400">SHA-256</dt>
                  <dd className="break-all font-mono text-xs">{archive.sha256}</dd>
                  <dt className="text-slate-600 dark:text-slate-400">Checkpoint</dt>
                  <dd>
                    {archive.checkpoint
                      ? <>#{archive.checkpoint.id}{archive.checkpoint.signedAt ? <>, signed <Timestamp date={archive.checkpoint.signedAt} withAbsolute /></> : null}</>
                      : "none: verified by its hashes alone"}
                  </dd>
                  <dt className="text-slate-600 dark:text-slate-400">Archived</dt>
                  <dd><Timestamp date={archive.archivedAt} withAbsolute /></dd>
                </dl>
                {archive.file.present ? (
                  <div className="mt-3 flex flex-wrap items-start gap-4">
                    {/* A plain link: a download, not a navigation for the client router. */}
                    <a href={`/audit/archives/${archive.id}`} className={`${linkClass} py-2 text-sm`} aria-label={`Download ${label}`}>Download</a>
                    <ArchiveVerify id={archive.id} label={label} />
                  </div>
                ) : (
                  <Alert tone="error" title="The archive file is missing" className="mt-3">
                    {archive.file.reason}. The database still records its digest; restore the file from your backup of the archive folder to download or verify it.
                  </Alert>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
