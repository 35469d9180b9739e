"use client";

export default function ClustersError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <section role="alert" className="rounded-lg border border-red-300 bg-red-50 px-6 py-8 text-center dark:border-red-800 dark:bg-red-950">
      <h2 className="text-base font-semibold">The cluster inventory could not be shown</h2>
      <p className="mt-2 text-sm">Something went wrong reading the inventory.{error.digest ? ` Reference: ${error.digest}.` : ""}</p>
      <button type="button" onClick={reset} className="mt-4 rounded-md bg-sky-700 px-3 py-2 text-sm font-medium text-white hover:bg-sky-800 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-600">
        Try again
      </button>
    </section>
  );
}
