"use client";

import { useState } from "react";
import { accessDurations, maximumUntilDays } from "@/lib/access/durations";
import { FieldError, inputClass } from "../../ip-ranges/_components/form-feedback";

/**
 * How long a grant lasts: one of the durations, or "until a date". A datetime-local input has no
 * time zone, so the browser (which knows the requester's) turns it into an ISO time for the server;
 * the server checks it is in the future and within the maximum.
 */
export function DurationField({ initial, errors }: { initial?: string; errors: Partial<Record<string, string>> }) {
  const [duration, setDuration] = useState(initial ?? "8h");
  const [localEnd, setLocalEnd] = useState("");
  const end = localEnd ? new Date(localEnd) : null;
  const expiresAt = end && !Number.isNaN(end.getTime()) ? end.toISOString() : "";
  return (
    <div>
      <label htmlFor="duration" className="text-sm font-medium">
        Duration
      </label>
      <select id="duration" name="duration" value={duration} onChange={(event) => setDuration(event.target.value)} className={inputClass} aria-describedby="duration-hint">
        {Object.entries(accessDurations).map(([value, choice]) => (
          <option key={value} value={value}>
            {choice.label}
          </option>
        ))}
        <option value="until">Until a date</option>
      </select>
      <p id="duration-hint" className="mt-1 text-xs text-slate-600 dark:text-slate-400">
        {duration === "until" ? `Ends at the time you choose (your time zone), at most ${maximumUntilDays} days ahead.` : "Counted from when the access is applied; Clusterdesk revokes it then."}
      </p>
      {duration === "until" ? (
        <div className="mt-2">
          <label htmlFor="grant-until" className="text-sm font-medium">
            Access ends at
          </label>
          <input
            id="grant-until"
            type="datetime-local"
            required
            value={localEnd}
            onChange={(event) => setLocalEnd(event.target.value)}
            className={inputClass}
            aria-invalid={errors.expiresAt ? true : undefined}
            aria-describedby={errors.expiresAt ? "expiresAt-error" : "duration-hint"}
          />
          <input type="hidden" name="expiresAt" value={expiresAt} />
          <FieldError id="expiresAt-error" message={errors.expiresAt} />
        </div>
      ) : null}
    </div>
  );
}
