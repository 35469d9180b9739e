import { BROAD_RANGE_MAX_PREFIX_LENGTH, MAX_AUTHORIZED_IP_RANGES } from "./limits";
import { parseAuthorizedIpRange, type RangeParseErrorCode } from "./parse";
import { formatRange, rangeContainsRange, rangeSize, sameRange, type Ipv4Range } from "./range";

/** Errors block a save; warnings are shown next to the range and may be accepted. */
export type RangeSetIssue =
  | { kind: "invalid"; severity: "error"; index: number; input: string; code: RangeParseErrorCode; message: string; suggestion?: string }
  | { kind: "too-many"; severity: "error"; count: number; message: string }
  | { kind: "duplicate"; severity: "warning"; index: number; firstIndex: number; range: string; message: string }
  | { kind: "overlap"; severity: "warning"; index: number; containerIndex: number; range: string; container: string; message: string }
  | { kind: "open-to-internet"; severity: "warning"; index: number; range: string; message: string }
  | { kind: "broad-range"; severity: "warning"; index: number; range: string; message: string };

export function isOpenToInternet(range: Ipv4Range): boolean {
  return range.prefixLength === 0;
}

export function isBroadRange(range: Ipv4Range): boolean {
  return range.prefixLength <= BROAD_RANGE_MAX_PREFIX_LENGTH;
}

function breadthIssue(index: number, range: Ipv4Range): RangeSetIssue | undefined {
  const text = formatRange(range);
  if (isOpenToInternet(range)) {
    // 0.0.0.0/0 lets every address through: the allow-list exists but protects nothing.
    return { kind: "open-to-internet", severity: "warning", index, range: text, message: `${text} allows every IPv4 address: the API server is open to the internet.` };
  }
  if (isBroadRange(range)) {
    const size = rangeSize(range).toLocaleString("en-US");
    return { kind: "broad-range", severity: "warning", index, range: text, message: `${text} allows ${size} addresses; narrow it to the networks that need the API server.` };
  }
  return undefined;
}

/** The widest earlier-or-later entry that strictly contains `range`, by list position. */
function widestContainer(ranges: readonly (Ipv4Range | undefined)[], index: number): number | undefined {
  const range = ranges[index];
  if (!range) return undefined;
  let best: number | undefined;
  ranges.forEach((other, otherIndex) => {
    if (!other || otherIndex === index || sameRange(other, range) || !rangeContainsRange(other, range)) return;
    const current = best === undefined ? undefined : ranges[best];
    if (!current || other.prefixLength < current.prefixLength) best = otherIndex;
  });
  return best;
}

/**
 * Everything worth telling a person about a list of authorized IP ranges: entries that do not parse,
 * the AKS limit, duplicates, ranges already covered by a wider one, and ranges so wide that the
 * allow-list stops meaning much. Quadratic in the list length, which AKS caps at 200.
 */
export function analyzeAuthorizedIpRanges(inputs: readonly string[]): RangeSetIssue[] {
  const issues: RangeSetIssue[] = [];
  const ranges = inputs.map((input, index) => {
    const parsed = parseAuthorizedIpRange(input);
    if (parsed.ok) return parsed.range;
    const { code, message, suggestion } = parsed;
    issues.push({ kind: "invalid", severity: "error", index, input, code, message, ...(suggestion === undefined ? {} : { suggestion }) });
    return undefined;
  });
  if (inputs.length > MAX_AUTHORIZED_IP_RANGES) {
    issues.push({ kind: "too-many", severity: "error", count: inputs.length, message: `There are ${inputs.length} authorized IP ranges; AKS allows at most ${MAX_AUTHORIZED_IP_RANGES}.` });
  }
  ranges.forEach((range, index) => {
    if (!range) return;
    const text = formatRange(range);
    const firstIndex = ranges.findIndex((other) => other !== undefined && sameRange(other, range));
    if (firstIndex < index) {
      issues.push({ kind: "duplicate", severity: "warning", index, firstIndex, range: text, message: `${text} is listed more than once.` });
      return;
    }
    const containerIndex = widestContainer(ranges, index);
    const container = containerIndex === undefined ? undefined : ranges[containerIndex];
    if (containerIndex !== undefined && container) {
      const containerText = formatRange(container);
      issues.push({ kind: "overlap", severity: "warning", index, containerIndex, range: text, container: containerText, message: `${text} is already covered by ${containerText}.` });
    }
    const breadth = breadthIssue(index, range);
    if (breadth) issues.push(breadth);
  });
  return issues;
}
