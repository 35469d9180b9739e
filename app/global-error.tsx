"use client";

export default function GlobalError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <html lang="en">
      <body style={{ fontFamily: "system-ui, sans-serif", padding: "4rem 1rem", textAlign: "center" }}>
        <main role="alert">
          <h1>Clusterdesk could not load</h1>
          <p>Nothing was changed. Try again in a moment.</p>
          {error.digest ? <p>Reference: <code>{error.digest}</code></p> : null}
          <button type="button" onClick={reset}>
            Try again
          </button>
        </main>
      </body>
    </html>
  );
}
