import { formatAbsoluteTime, formatRelativeTime } from "@/lib/format/time";

/**
 * A point in time for people and machines: relative text ("3 hours ago") with the absolute time
 * beside it (`withAbsolute`) or in the tooltip, and the ISO value in `dateTime`.
 */
export function Timestamp({ date, withAbsolute = false }: { date: Date; withAbsolute?: boolean }) {
  const absolute = formatAbsoluteTime(date);
  const relative = formatRelativeTime(date);
  return (
    <time dateTime={date.toISOString()} title={absolute}>
      {withAbsolute ? `${absolute} (${relative})` : relative}
    </time>
  );
}
