"use client";

import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { verifyAuditArchiveAction, type VerifyArchiveState } from "../_actions/verify-audit-archive";

/** One archive's "Verify" button and verdict: the file against its own hashes and against what the database recorded. */
export function ArchiveVerify({ id, label }: { id: string; label: string }) {
  const [state, verify, pending] = useActionState<VerifyArchiveState>(verifyAuditArchiveAction.bind(null, id), null);
  const resultId = `archive-verdict-${id}`;
  return (
    <div>
      <form action={verify}>
        <Button type="submit" variant="secondary" disabled={pending} aria-describedby={resultId} aria-label={`Verify ${label}`}>
          {pending ? "Verifying…" : "Verify"}
        </Button>
      </form>
      <div id={resultId} role="status" aria-live="polite" className="mt-2">
        {state === null ? null : !state.ok ? (
          <Alert tone="error">{state.error}</Alert>
        ) : state.data.ok ? (
          <Alert tone="success" title={`${state.data.fileName} verifies`}>
            {state.data.count.toLocaleString("en")} events, chain intact; checkpoint {state.data.checkpoint}; SHA-256 matches the archive record.
            {state.data.warnings.length > 0 ? (
              <ul className="mt-1 list-disc pl-5">{state.data.warnings.map((warning) => <li key={warning}>{warning}</li>)}</ul>
            ) : null}
          </Alert>
        ) : (
          <Alert tone="error" title={`${state.data.fileName} failed verification${state.data.line ? ` at line ${state.data.line}` : ""}`}>
            <span className="break-words">{state.data.reason}</span>
          </Alert>
        )}
      </div>
    </div>
  );
}
