export function LocalModeBanner() {
  return (
    <div role="note" className="bg-amber-100 px-4 py-2 text-center text-sm text-amber-950 dark:bg-amber-900 dark:text-amber-50">
      <strong className="font-semibold">Local mode</strong> — demo organisation, no real Azure resources are touched.
    </div>
  );
}
