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

export function grantExpiresAt(lifetimeSeconds: number | null, appliedAt: Date): Date | null {
  return lifetimeSeconds === null ? null : new Date(appliedAt.getTime() + lifetimeSeconds * 1000);
}
