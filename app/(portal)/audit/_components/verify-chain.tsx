"use client";

import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { verifyAuditChainAction, type VerifyChainState } from "../_actions/verify-audit-chain";

/** Lets an auditor or admin check the hash chain from the page (what `npm run audit:verify` does). */
export function VerifyChain() {
  const [state, verify, pending] = useActionState<VerifyChainState>(verifyAuditChainAction, null);
  return (
    <section aria-labelledby="verify-heading" className="mb-6 rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900">
      <h2 id="verify-heading" className="text-sm font-semibold">Chain integrity</h2>
      <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">Recomputes every event&apos;s hash and link; on a long log this takes a while. The check itself is audited.</p>
      <form action={verify} className="mt-3">
        <Button type="submit" variant="secondary" disabled={pending} aria-describedby="verify-result">
          {pending ? "Verifying…" : "Verify the audit chain"}
        </Button>
      </form>
      <div id="verify-result" role="status" aria-live="polite" className="mt-3">
        {state === null ? null : !state.ok ? (
          <Alert tone="error">{state.error}</Alert>
        ) : state.data.intact ? (
          <Alert tone="success" title="The chain is intact">
            {state.data.count.toLocaleString("en")} events verified
            {state.data.archive ? `, from the last archived event (seq ${state.data.archive.throughSeq}; ${state.data.archive.archives} archive file(s), newest ${state.data.archive.newestFile})` : ""}.
          </Alert>
        ) : (
          <Alert tone="error" title={`The chain is broken at event ${state.data.firstBrokenSeq ?? "?"}${state.data.tampering ? ` (${state.data.tampering})` : ""}`}>
            {state.data.reason} ({state.data.count.toLocaleString("en")} events before it verified.)
          </Alert>
        )}
        {state?.ok && state.data.warnings.length > 0 ? (
          <ul className="mt-2 list-disc pl-5 text-sm text-slate-600 dark:text-slate-400" aria-label="What the check could not rule out">
            {state.data.warnings.map((warning) => <li key={warning}>{warning}</li>)}
          </ul>
        ) : null}
      </div>
    </section>
  );
}
