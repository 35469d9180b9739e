"use client";

import { useActionState, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import type { TemplateCommandState } from "../_actions/form-state";
import { templateCommandAction } from "../_actions/template-command";

const idle: TemplateCommandState = { status: "idle" };

/**
 * Archive or restore a template, or delete one nothing uses (the server refuses otherwise). Deleting
 * asks for a second click: it cannot be undone.
 */
export function TemplateCommands({ name, archived, inUse }: { name: string; archived: boolean; inUse: boolean }) {
  const [state, submit, pending] = useActionState(templateCommandAction, idle);
  const [confirming, setConfirming] = useState(false);
  return (
    <section aria-labelledby="template-lifecycle-heading" className="space-y-3 rounded-lg border border-slate-200 p-4 dark:border-slate-800">
      <h2 id="template-lifecycle-heading" className="text-lg font-semibold">
        {archived ? "Archived" : "Archive or delete"}
      </h2>
      <p className="text-sm text-slate-600 dark:text-slate-400">
        {archived
          ? "An archived template is offered for no new environment; environments made from it keep it."
          : inUse
            ? "Environments use this template, so it cannot be deleted; archive it to stop offering it."
            : "Archive it to stop offering it, or delete it: nothing uses it."}
      </p>
      <div className="flex flex-wrap gap-3">
        <form action={submit}>
          <input type="hidden" name="name" value={name} />
          <input type="hidden" name="operation" value={archived ? "restore" : "archive"} />
          <Button type="submit" variant="secondary" disabled={pending}>
            {archived ? "Restore template" : "Archive template"}
          </Button>
        </form>
        {!inUse ? (
          confirming ? (
            <form action={submit} className="flex flex-wrap items-center gap-2">
              <input type="hidden" name="name" value={name} />
              <input type="hidden" name="operation" value="delete" />
              <span className="text-sm">Delete {name} for good?</span>
              <Button type="submit" variant="danger" disabled={pending}>
                Yes, delete
              </Button>
              <Button type="button" variant="secondary" onClick={() => setConfirming(false)}>
                Keep it
              </Button>
            </form>
          ) : (
            <Button type="button" variant="danger" onClick={() => setConfirming(true)}>
              Delete template
            </Button>
          )
        ) : null}
      </div>
      {state.status === "idle" ? <div aria-live="polite" /> : (
        <Alert tone={state.status === "done" ? "success" : "error"} role={state.status === "done" ? "status" : "alert"}>
          <p>{state.message}</p>
        </Alert>
      )}
    </section>
  );
}
