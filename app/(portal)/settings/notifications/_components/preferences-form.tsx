"use client";

import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { notificationCategories, notificationCategoryText, type NotificationPreferences } from "@/lib/notifications/categories";
import { saveNotificationPreferencesAction } from "../_actions/save-notification-preferences";
import type { PreferencesState } from "../_actions/preferences-state";

const boxClass = "mt-0.5 size-4 rounded border-slate-400 focus-visible:outline-2 focus-visible:outline-sky-500";

/** E-mail on or off per category, and the daily digest instead of one message per new request. */
export function PreferencesForm({ initial, approver }: { initial: NotificationPreferences; approver: boolean }) {
  const [state, save, pending] = useActionState<PreferencesState, FormData>(saveNotificationPreferencesAction, null);
  const current = state?.ok ? state.data : initial;
  return (
    <form action={save} className="max-w-2xl space-y-6 rounded-lg border border-slate-200 bg-white p-6 dark:border-slate-800 dark:bg-slate-900">
      <fieldset className="space-y-4">
        <legend className="text-base font-semibold">E-mail me about</legend>
        {notificationCategories.map((category) => (
          <div key={category} className="flex items-start gap-3">
            <input id={category} name={category} type="checkbox" defaultChecked={current[category]} className={boxClass} aria-describedby={`${category}-hint`} />
            <div>
              <label htmlFor={category} className="text-sm font-medium">{notificationCategoryText[category].label}</label>
              <p id={`${category}-hint`} className="text-sm text-slate-600 dark:text-slate-400">{notificationCategoryText[category].hint}</p>
            </div>
          </div>
        ))}
      </fieldset>
      {approver ? (
        <fieldset className="space-y-2">
          <legend className="text-base font-semibold">Approvals</legend>
          <div className="flex items-start gap-3">
            <input id="approvalDigest" name="approvalDigest" type="checkbox" defaultChecked={current.approvalDigest} className={boxClass} aria-describedby="approvalDigest-hint" />
            <div>
              <label htmlFor="approvalDigest" className="text-sm font-medium">One daily digest instead of one e-mail per new request</label>
              <p id="approvalDigest-hint" className="text-sm text-slate-600 dark:text-slate-400">Sent every morning at 07:00 UTC, listing the requests that arrived since the last one.</p>
            </div>
          </div>
        </fieldset>
      ) : null}
      <div className="flex items-center gap-4">
        <Button type="submit" disabled={pending}>{pending ? "Saving…" : "Save"}</Button>
        <div role="status" aria-live="polite" className="flex-1">
          {state === null ? null : state.ok ? <Alert tone="success">Your choices are saved.</Alert> : <Alert tone="error">{state.error}</Alert>}
        </div>
      </div>
    </form>
  );
}
