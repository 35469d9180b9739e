"use client";

import Link from "next/link";
import { type ApiServerExposure, exposureLabels } from "@/lib/clusters/exposure";
import styles from "./cluster-table.module.css";

/**
 * The filters as the React payload carries them: the current values and the facets' options as plain
 * strings (a server-rendered form travelled as its whole element tree, options and all, beside its
 * HTML). A fleet in 1,000 subscriptions made a 1,000-option list; beyond 50 the page sends only the
 * count and the filter takes a pasted subscription ID.
 */
export type ClusterFilterValues = {
  search: string;
  subscriptionId: string;
  location: string;
  version: string;
  exposure: string;
  posture: string;
  /** Kept across a new search; absent for the default sort. */
  sort?: string;
};
export type ClusterFilterFacets = { subscriptions: Array<[id: string, name: string]> | number; locations: string[]; versions: string[] };

const exposureOptions = Object.entries(exposureLabels) as Array<[ApiServerExposure, string]>;
const postureOptions = [["high", "High findings"], ["medium", "Medium findings"], ["low", "Low findings"], ["clean", "No findings"]] as const;

function Select({ name, label, value, options }: { name: string; label: string; value: string; options: ReadonlyArray<string | readonly [value: string, label: string]> }) {
  return (
    <label>
      {label}
      <select name={name} defaultValue={value}>
        <option value="">All</option>
        {/* An option without a value submits its text. */}
        {options.map((option) => (typeof option === "string" ? <option key={option}>{option}</option> : <option key={option[0]} value={option[0]}>{option[1]}</option>))}
      </select>
    </label>
  );
}

/** A plain GET form: filters live in the URL, work without JavaScript and can be shared. */
export function ClusterFilters({ values, facets }: { values: ClusterFilterValues; facets: ClusterFilterFacets }) {
  return (
    <form method="get" role="search" aria-label="Filter clusters" className={styles.filters}>
      <label>
        Search
        <input type="search" name="q" defaultValue={values.search} placeholder="Cluster or resource group" />
      </label>
      {typeof facets.subscriptions === "number" ? (
        <label>
          Subscription ID
          <input name="subscription" defaultValue={values.subscriptionId} placeholder={`${facets.subscriptions} subscriptions`} />
        </label>
      ) : (
        <Select name="subscription" label="Subscription" value={values.subscriptionId} options={facets.subscriptions} />
      )}
      <Select name="location" label="Region" value={values.location} options={facets.locations} />
      <Select name="version" label="Kubernetes" value={values.version} options={facets.versions} />
      <Select name="exposure" label="API server" value={values.exposure} options={exposureOptions} />
      <Select name="posture" label="Posture" value={values.posture} options={postureOptions} />
      {values.sort ? <input type="hidden" name="sort" value={values.sort} /> : null}
      <div>
        <button type="submit">Apply filters</button>
        <Link href="/clusters">Clear</Link>
      </div>
    </form>
  );
}
