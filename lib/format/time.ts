/**
 * Timestamps as the portal shows them: a relative phrase for scanning ("3 hours ago") next to an
 * absolute one for the record. The absolute form is in UTC and says so, because the server renders
 * it and does not know the reader's time zone.
 */

const absoluteFormat = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });
const relativeFormat = new Intl.RelativeTimeFormat("en", { numeric: "auto" });

const units: readonly [Intl.RelativeTimeFormatUnit, number][] = [
  ["year", 365 * 24 * 60 * 60 * 1000],
  ["month", 30 * 24 * 60 * 60 * 1000],
  ["week", 7 * 24 * 60 * 60 * 1000],
  ["day", 24 * 60 * 60 * 1000],
  ["hour", 60 * 60 * 1000],
  ["minute", 60 * 1000],
];

export function formatAbsoluteTime(date: Date): string {
  return `${absoluteFormat.format(date)} UTC`;
}

export function formatRelativeTime(date: Date, now: Date = new Date()): string {
  const elapsed = date.getTime() - now.getTime();
  for (const [unit, size] of units) {
    if (Math.abs(elapsed) >= size) return relativeFormat.format(Math.trunc(elapsed / size), unit);
  }
  return Math.abs(elapsed) < 45_000 ? "just now" : relativeFormat.format(Math.trunc(elapsed / 1000), "second");
}
