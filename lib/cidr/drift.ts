import { authorizedIpRangeKey } from "./normalize";

export type AuthorizedIpRangeDrift = {
  /** On the cluster but not in Clusterdesk's record: someone added them outside the portal. */
  addedOutside: string[];
  /** In Clusterdesk's record but gone from the cluster: someone removed them outside the portal. */
  removedOutside: string[];
};

/**
 * Compares the ranges Clusterdesk recorded with the ones ARM reports. Entries are compared in
 * canonical form (`1.2.3.4` equals `1.2.3.4/32`); entries that do not parse are compared verbatim.
 */
export function rangesDrift(recorded: readonly string[], actual: readonly string[]): AuthorizedIpRangeDrift {
  const recordedKeys = new Set(recorded.map(authorizedIpRangeKey));
  const actualKeys = new Set(actual.map(authorizedIpRangeKey));
  return {
    addedOutside: [...actualKeys].filter((key) => !recordedKeys.has(key)),
    removedOutside: [...recordedKeys].filter((key) => !actualKeys.has(key)),
  };
}

export function hasDrift(drift: AuthorizedIpRangeDrift): boolean {
  return drift.addedOutside.length > 0 || drift.removedOutside.length > 0;
}
