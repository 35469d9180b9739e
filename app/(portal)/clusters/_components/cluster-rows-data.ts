import type { ApiServerExposure } from "@/lib/clusters/exposure";

/**
 * The list's rows as the React payload carries them to `ClusterRows` (a client component): each row
 * a tuple of numbers and its name, the strings that repeat down a page (subscription IDs and names,
 * resource groups, regions, versions) once in `strings`, referred to by index. Every byte here is
 * sent beside the rows' HTML, so a row costs its fields and little more: no key names, no quotes
 * around what repeats, the exposure as a digit.
 */
export type ClusterRowsData = { strings: string[]; rows: ClusterRow[] };

export type ClusterRow = [
  name: string,
  subscriptionId: number,
  subscription: number,
  resourceGroup: number,
  location: number,
  /** -1: not known yet. */
  kubernetesVersion: number,
  exposure: number,
  apiServerReachable: 0 | 1,
  nodeCount: number,
  postureScore: number,
  high: number,
  medium: number,
  low: number,
  unknownFindings: number,
];

/** `ClusterRow`'s exposure digit. */
export const exposureCodes = ["private", "authorized-ranges", "open"] as const satisfies readonly ApiServerExposure[];

export type ClusterRowInput = {
  name: string;
  subscriptionId: string;
  subscriptionName: string | null;
  resourceGroup: string;
  location: string;
  kubernetesVersion: string | null;
  exposure: ApiServerExposure;
  apiServerReachable: boolean;
  nodeCount: number;
  postureScore: number;
  failingHigh: number;
  failingMedium: number;
  failingLow: number;
  unknownFindings: number;
};

export function encodeClusterRows(items: readonly ClusterRowInput[]): ClusterRowsData {
  const strings: string[] = [];
  const indexes = new Map<string, number>();
  const index = (value: string) => {
    let found = indexes.get(value);
    if (found === undefined) {
      found = strings.push(value) - 1;
      indexes.set(value, found);
    }
    return found;
  };
  const rows = items.map((item): ClusterRow => [
    item.name,
    index(item.subscriptionId),
    // A subscription not named (yet) is shown by its ID.
    index(item.subscriptionName ?? item.subscriptionId),
    index(item.resourceGroup),
    index(item.location),
    item.kubernetesVersion === null ? -1 : index(item.kubernetesVersion),
    exposureCodes.indexOf(item.exposure),
    item.apiServerReachable ? 1 : 0,
    item.nodeCount,
    item.postureScore,
    item.failingHigh,
    item.failingMedium,
    item.failingLow,
    item.unknownFindings,
  ]);
  return { strings, rows };
}
