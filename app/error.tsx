"use client";

import Link from "next/link";

const link = "font-medium text-sky-700 underline hover:text-sky-800 dark:text-sky-400";

// The server failed somewhere after the request reached it, so a change just submitted may or may
// not have been made: say so, and where to look, instead of promising that nothing changed.
export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <main id="main" role="alert" className="mx-auto flex min-h-screen max-w-xl flex-col items-center justify-center px-4 text-center">
      <h1 className="text-2xl font-semibold">Something went wrong</h1>
      <p className="mt-2 text-slate-600 dark:text-slate-400">
        The page could not be shown. If you had just submitted a change, it may or may not have been made: check{" "}
        <Link href="/requests" className={link}>
          Requests
        </Link>{" "}
        (or the{" "}
        <Link href="/audit" className={link}>
          audit log
        </Link>
        , if you can open it) before trying again. If it keeps failing, give your administrator this reference.
      </p>
      {error.digest ? <code className="mt-4 rounded bg-slate-200 px-2 py-1 text-sm dark:bg-slate-800">{error.digest}</code> : null}
      <button
        type="button"
        onClick={reset}
        className="mt-6 rounded-md bg-sky-700 px-3 py-2 text-sm font-medium text-white hover:bg-sky-800 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-600"
      >
        Try again
      </button>
    </main>
  );
}
