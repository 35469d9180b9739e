import { MAX_AUTHORIZED_IP_RANGES } from "./limits";
import { parseAuthorizedIpRange, type RangeParseError } from "./parse";
import { formatRange, rangeContainsRange, type Ipv4Range } from "./range";

export type AuthorizedIpRangeChange = { add: readonly string[]; remove: readonly string[] };

export type PlanErrorCode = "invalid-range" | "conflicting-change" | "not-present" | "protected-range" | "would-remove-all" | "too-many";

export type PlanError = { code: PlanErrorCode; range: string; message: string; parseError?: RangeParseError };

export type AuthorizedIpRangePlan =
  | {
      ok: true;
      /** The complete list to write to ARM: every range kept in its original order, additions appended. */
      ranges: string[];
      added: string[];
      removed: string[];
      /** Asked to add but already there: a no-op, so a retried or repeated request converges. */
      alreadyPresent: string[];
      /** Asked to remove but already gone (only with `onMissingRemoval: "skip"`). */
      alreadyAbsent: string[];
      /** Nothing to write: the executor can skip the ARM call. */
      unchanged: boolean;
    }
  | { ok: false; errors: PlanError[] };

export type PlanOptions = {
  /**
   * "error" (default) for a person's request: removing something that is not there is a mistake to show.
   * "skip" for the executor: a job resumed after a crash may find its removal already applied, and
   * must converge instead of failing (issue 7: "converges without applying anything twice").
   */
  onMissingRemoval?: "error" | "skip";
};

type Entry = { key: string; range: Ipv4Range | undefined };

function entry(text: string): Entry {
  const parsed = parseAuthorizedIpRange(text);
  return parsed.ok ? { key: formatRange(parsed.range), range: parsed.range } : { key: text.trim(), range: undefined };
}

function uniqueByKey(entries: readonly Entry[]): Entry[] {
  const seen = new Set<string>();
  return entries.filter((e) => (seen.has(e.key) ? false : (seen.add(e.key), true)));
}

function covers(entries: readonly Entry[], target: Ipv4Range): boolean {
  return entries.some((e) => e.range !== undefined && rangeContainsRange(e.range, target));
}

function parseRequested(inputs: readonly string[], errors: PlanError[], verbatim: ReadonlySet<string>): Entry[] {
  const entries: Entry[] = [];
  for (const input of inputs) {
    // A removal may name, verbatim, an entry Clusterdesk cannot parse (written by another tool).
    if (verbatim.has(input.trim())) {
      entries.push({ key: input.trim(), range: undefined });
      continue;
    }
    const parsed = parseAuthorizedIpRange(input);
    if (parsed.ok) entries.push({ key: formatRange(parsed.range), range: parsed.range });
    else errors.push({ code: "invalid-range", range: input.trim(), message: parsed.message, parseError: parsed });
  }
  return uniqueByKey(entries);
}

function parseProtected(protectedRanges: readonly string[]): Ipv4Range[] {
  return protectedRanges.map((text) => {
    const parsed = parseAuthorizedIpRange(text);
    // Protected ranges come from the cluster's egress IPs, never from a person: a bad one is a bug upstream.
    if (!parsed.ok) throw new TypeError(`Invalid protected range ${JSON.stringify(text)}: ${parsed.message}`);
    return parsed.range;
  });
}

function protectionErrors(before: Entry[], after: Entry[], removed: Entry[], protectedRanges: Ipv4Range[]): PlanError[] {
  const errors: PlanError[] = [];
  for (const target of protectedRanges) {
    if (!covers(before, target) || covers(after, target)) continue;
    const targetText = formatRange(target);
    for (const r of removed) {
      if (!r.range || !rangeContainsRange(r.range, target)) continue;
      const message =
        r.key === targetText
          ? `${targetText} is an egress IP of this cluster and can't be removed: the cluster's own traffic to its API server comes from it.`
          : `Removing ${r.key} would stop allowing ${targetText}, an egress IP of this cluster; its own traffic to the API server comes from it.`;
      errors.push({ code: "protected-range", range: r.key, message });
    }
  }
  return errors;
}

/**
 * Plans the read-modify-write of a cluster's authorized IP ranges. ARM replaces the whole list on
 * every update (issue 7), so the plan starts from the list just read and changes only what was asked:
 * every range not named in `remove` is kept, in order. Ranges are written in canonical form and
 * duplicates in the current list collapse to their first occurrence.
 *
 * Refused: invalid input, the same range added and removed, removing a range that is not there
 * (unless `onMissingRemoval: "skip"`), removing a range that is the only one letting one of the
 * cluster's own egress IPs through, removing every range (an empty list turns the restriction off and
 * opens the API server), and additions that take the list past the AKS limit of 200.
 * Adding a range that is already present is a no-op, not an error, so repeating a request is harmless.
 */
export function planAuthorizedIpRangeChange(
  current: readonly string[],
  change: AuthorizedIpRangeChange,
  protectedRanges: readonly string[],
  options: PlanOptions = {},
): AuthorizedIpRangePlan {
  const errors: PlanError[] = [];
  const protectedParsed = parseProtected(protectedRanges);
  const before = uniqueByKey(current.map(entry));
  const beforeKeys = new Set(before.map((e) => e.key));
  const unparsedKeys = new Set(before.filter((e) => !e.range).map((e) => e.key));
  const toAdd = parseRequested(change.add, errors, new Set());
  const toRemove = parseRequested(change.remove, errors, unparsedKeys);

  const addKeys = new Set(toAdd.map((e) => e.key));
  for (const r of toRemove) {
    if (addKeys.has(r.key)) errors.push({ code: "conflicting-change", range: r.key, message: `${r.key} is both added and removed in this change.` });
  }
  const removed = toRemove.filter((r) => beforeKeys.has(r.key));
  const alreadyAbsent = toRemove.filter((r) => !beforeKeys.has(r.key));
  if (options.onMissingRemoval !== "skip") {
    for (const r of alreadyAbsent) {
      errors.push({ code: "not-present", range: r.key, message: `${r.key} is not in the cluster's authorized IP ranges, so it can't be removed.` });
    }
  }
  const removeKeys = new Set(removed.map((e) => e.key));
  const added = toAdd.filter((a) => !beforeKeys.has(a.key));
  const after = [...before.filter((e) => !removeKeys.has(e.key)), ...added];

  errors.push(...protectionErrors(before, after, removed, protectedParsed));
  if (before.length > 0 && after.length === 0) {
    errors.push({
      code: "would-remove-all",
      range: "",
      message: "This change would remove every authorized IP range. An empty list turns the restriction off and opens the API server to the internet.",
    });
  }
  if (added.length > 0 && after.length > MAX_AUTHORIZED_IP_RANGES) {
    errors.push({ code: "too-many", range: "", message: `This change would leave ${after.length} authorized IP ranges; AKS allows at most ${MAX_AUTHORIZED_IP_RANGES}.` });
  }
  if (errors.length > 0) return { ok: false, errors };

  return {
    ok: true,
    ranges: after.map((e) => e.key),
    added: added.map((e) => e.key),
    removed: removed.map((e) => e.key),
    alreadyPresent: toAdd.filter((a) => beforeKeys.has(a.key)).map((e) => e.key),
    alreadyAbsent: alreadyAbsent.map((e) => e.key),
    unchanged: added.length === 0 && removed.length === 0,
  };
}

