/**
 * How long a grant lasts once it is in effect. A duration, not a time: the expiry is computed when
 * the grant is applied, so access approved hours later still lasts as long as asked.
 */
export const accessDurations = {
  permanent: { label: "Permanent", seconds: null },
  "1h": { label: "1 hour", seconds: 60 * 60 },
  "8h": { label: "8 hours", seconds: 8 * 60 * 60 },
  "1d": { label: "1 day", seconds: 24 * 60 * 60 },
  "7d": { label: "7 days", seconds: 7 * 24 * 60 * 60 },
} as const;

export type AccessDuration = keyof typeof accessDurations;
export const accessDurationKeys = Object.keys(accessDurations) as AccessDuration[];

export function lifetimeSecondsOf(duration: AccessDuration): number | null {
  return accessDurations[duration].seconds;
}

/** When an applied grant ends: at the fixed time "until a date" named, else its duration after application, else never. */
export function grantExpiresAt(lifetimeSeconds: number | null, appliedAt: Date, until: Date | null = null): Date | null {
  if (until) return until;
  return lifetimeSeconds === null ? null : new Date(appliedAt.getTime() + lifetimeSeconds * 1000);
}

/** The form's choices: the durations above, or "until a date" (a fixed end the requester names). */
export const grantDurationChoices = [...accessDurationKeys, "until"] as const;
export type GrantDurationChoice = AccessDuration | "until";

/** How far ahead a fixed end may be: beyond that, a time-bound grant is permanent in all but name. */
export const maximumUntilDays = 90;

/** What is wrong with a fixed end, or null when it is fine: a real time, in the future, within the maximum. */
export function untilDateProblem(until: Date | null, now: Date): string | null {
  if (!until || Number.isNaN(until.getTime())) return "Choose the date and time the access ends.";
  if (until.getTime() <= now.getTime()) return "Choose a time in the future.";
  if (until.getTime() > now.getTime() + maximumUntilDays * 24 * 3_600_000) return `Choose a time within ${maximumUntilDays} days; longer access is permanent access and should say so.`;
  return null;
}

/** How much longer a time-bound grant may be extended by: the durations, less "permanent". */
export const extensionChoices = ["1h", "8h", "1d", "7d"] as const satisfies readonly AccessDuration[];
