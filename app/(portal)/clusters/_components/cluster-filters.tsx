import Link from "next/link";
import { exposureLabels } from "@/lib/clusters/exposure";
import { exposureFilters, type InventoryListQuery } from "@/lib/clusters/inventory-query";
import type { InventoryPage } from "@/lib/server/clusters/inventory-read";
import styles from "./cluster-table.module.css";

/**
 * A fleet in 1,000 subscriptions made a 1,000-option list, rendered twice (HTML and the React payload):
 * 300 KB of the page's 450. Beyond this many the filter takes a pasted subscription ID instead.
 */
const maxSubscriptionOptions = 50;
const postureLabels = { high: "High findings", medium: "Medium findings", low: "Low findings", clean: "No findings" } as const;

function Select({ name, label, value, options }: { name: string; label: string; value: string | null; options: Array<{ value: string; label: string }> }) {
  return (
    <label className="text-sm font-medium">
      {label}
      <select name={name} defaultValue={value ?? ""} className={styles.field}>
        <option value="">All</option>
        {options.map((option) => (
          <option key={option.value} value={option.value}>{option.label}</option>
        ))}
      </select>
    </label>
  );
}

/** A plain GET form: filters live in the URL, work without JavaScript and can be shared. */
export function ClusterFilters({ query, facets }: { query: InventoryListQuery; facets: InventoryPage["facets"] }) {
  return (
    <form method="get" role="search" aria-label="Filter clusters" className="mb-4 grid gap-3 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-2 lg:grid-cols-7 dark:border-slate-800 dark:bg-slate-900">
      <label className="text-sm font-medium lg:col-span-2">
        Search
        <input type="search" name="q" defaultValue={query.search} placeholder="Cluster or resource group" className={styles.field} />
      </label>
      {facets.subscriptions.length <= maxSubscriptionOptions ? (
        <Select name="subscription" label="Subscription" value={query.subscriptionId} options={facets.subscriptions.map((s) => ({ value: s.id, label: s.name ?? s.id }))} />
      ) : (
        <label className="text-sm font-medium">
          Subscription ID
          <input name="subscription" defaultValue={query.subscriptionId ?? ""} placeholder={`${facets.subscriptions.length} subscriptions`} className={styles.field} />
        </label>
      )}
      <Select name="location" label="Region" value={query.location} options={facets.locations.map((l) => ({ value: l, label: l }))} />
      <Select name="version" label="Kubernetes" value={query.kubernetesVersion} options={facets.versions.map((v) => ({ value: v, label: v }))} />
      <Select name="exposure" label="API server" value={query.exposure} options={exposureFilters.map((e) => ({ value: e, label: exposureLabels[e] }))} />
      <Select name="posture" label="Posture" value={query.posture} options={Object.entries(postureLabels).map(([value, label]) => ({ value, label }))} />
      {query.sort !== "name" ? <input type="hidden" name="sort" value={query.sort} /> : null}
      <div className="flex items-end gap-3 lg:col-span-7">
        <button type="submit" className="rounded-md bg-sky-700 px-3 py-2 text-sm font-medium text-white hover:bg-sky-800 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-600">
          Apply filters
        </button>
        <Link href="/clusters" className="text-sm text-sky-700 underline hover:text-sky-900 dark:text-sky-400">Clear</Link>
      </div>
    </form>
  );
}
