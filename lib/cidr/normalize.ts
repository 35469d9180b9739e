import { parseAuthorizedIpRange } from "./parse";
import { compareRanges, formatRange, rangeContainsRange, rangeSize, type Ipv4Range } from "./range";

/** The canonical text of a range (`203.0.113.7` → `203.0.113.7/32`), or undefined when it does not parse. */
export function normalizeAuthorizedIpRange(input: string): string | undefined {
  const parsed = parseAuthorizedIpRange(input);
  return parsed.ok ? formatRange(parsed.range) : undefined;
}

/**
 * The identity of an entry of a list read from ARM: canonical when it parses, else the trimmed text.
 * Entries Clusterdesk cannot parse (written by another tool) are kept and compared verbatim, never dropped.
 */
export function authorizedIpRangeKey(entry: string): string {
  return normalizeAuthorizedIpRange(entry) ?? entry.trim();
}

function rangeOf(text: string): Ipv4Range | undefined {
  const parsed = parseAuthorizedIpRange(text);
  return parsed.ok ? parsed.range : undefined;
}

/** Whether `range` lets `address` (a single IPv4 address, or a range that must lie wholly inside) through. */
export function containsAddress(address: string, range: string): boolean {
  const inner = rangeOf(address);
  const outer = rangeOf(range);
  return inner !== undefined && outer !== undefined && rangeContainsRange(outer, inner);
}

/** Number of addresses in the range, or undefined when it does not parse. */
export function authorizedIpRangeSize(range: string): number | undefined {
  const parsed = rangeOf(range);
  return parsed === undefined ? undefined : rangeSize(parsed);
}

/** Canonical ranges in numeric order (wider first on a tie); entries that do not parse follow, as given. */
export function sortAuthorizedIpRanges(ranges: readonly string[]): string[] {
  const parsed: Ipv4Range[] = [];
  const unparsed: string[] = [];
  for (const entry of ranges) {
    const range = rangeOf(entry);
    if (range) parsed.push(range);
    else unparsed.push(entry);
  }
  return [...parsed.sort(compareRanges).map(formatRange), ...unparsed];
}
