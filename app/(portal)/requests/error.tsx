"use client";

import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";

/**
 * Keeps the portal's header and navigation when the requests pages fail. The failure may have come
 * after a decision was saved, so the outcome is unknown: point at the request instead of guessing.
 */
export default function RequestsError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <Alert tone="error" role="alert" title="The requests could not be shown">
      <p>
        If you had just approved, rejected, cancelled or retried a request, it may or may not have taken effect: open the request again to see its
        status before repeating it. If it keeps failing, give your administrator this reference.
      </p>
      {error.digest ? <code className="mt-2 inline-block rounded bg-red-100 px-2 py-0.5 dark:bg-red-900">{error.digest}</code> : null}
      <div className="mt-3">
        <Button variant="secondary" onClick={reset}>
          Try again
        </Button>
      </div>
    </Alert>
  );
}
