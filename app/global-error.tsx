"use client";

export default function GlobalError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <html lang="en">
      <body style={{ fontFamily: "system-ui, sans-serif", padding: "4rem 1rem", textAlign: "center" }}>
        <main role="alert">
          <h1>Clusterdesk could not load</h1>
          <p>
            If you had just submitted a change, it may or may not have been made: once the portal loads again, check{" "}
            {/* The root layout failed: a full page load, not a client-side navigation, is what can recover. */}
            {/* eslint-disable-next-line @next/next/no-html-link-for-pages */}
            <a href="/requests">Requests</a> before repeating it.
          </p>
          {error.digest ? <p>Reference: <code>{error.digest}</code></p> : null}
          <button type="button" onClick={reset}>
            Try again
          </button>
        </main>
      </body>
    </html>
  );
}
