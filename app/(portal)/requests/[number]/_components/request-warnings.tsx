/** The warnings the requester saw when asking, shown to whoever decides, worded as they were then. */
export function RequestWarnings({ warnings }: { warnings: readonly string[] }) {
  if (warnings.length === 0) return null;
  return (
    <section
      role="note"
      aria-labelledby="request-warnings-heading"
      className="rounded-lg border border-amber-300 bg-amber-50 p-4 text-sm text-amber-950 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-50"
    >
      <h3 id="request-warnings-heading" className="font-semibold">
        Warnings the requester was shown
      </h3>
      <ul className="mt-1 list-disc pl-5">
        {warnings.map((warning) => (
          <li key={warning}>{warning}</li>
        ))}
      </ul>
    </section>
  );
}
