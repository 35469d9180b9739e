import { normalizeAuthorizedIpRange } from "@/lib/cidr";
import type { AuthorizedIpRangeChangePayload } from "@/lib/requests/kinds";

/**
 * What a range request changes, as one comparable string: the ranges added and removed, normalized
 * and sorted. Owner, reason and lifetime are left out on purpose: a second request for the same range
 * would put the same entry on the cluster, so it is the same change and must not be approved twice.
 */
export function rangeChangeKey(change: Pick<AuthorizedIpRangeChangePayload, "add" | "remove">): string {
  const canonical = (ranges: readonly string[]) => [...new Set(ranges.map((range) => normalizeAuthorizedIpRange(range) ?? range))].sort();
  return JSON.stringify({ add: canonical(change.add.map((entry) => entry.range)), remove: canonical(change.remove) });
}
