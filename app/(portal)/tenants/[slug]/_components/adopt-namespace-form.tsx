"use client";

import { useActionState, useState } from "react";
import { Button } from "@/components/ui/button";
import { maxEnvironmentNameLength } from "@/lib/tenants/environment-names";
import { idleTenantForm } from "../../_actions/form-state";
import { FieldError, TenantFeedback, inputClass } from "../../_components/tenant-feedback";
import { adoptNamespaceAction } from "../_actions/adopt-namespace";
import { adoptableNamespacesAction } from "../_actions/adoptable-namespaces";
import type { ClusterChoice } from "./environment-request-form";

type Listing = { state: "idle" } | { state: "loading" } | { state: "done"; namespaces: string[] } | { state: "error"; message: string };

/**
 * An admin imports an existing namespace as an environment of this tenant. Choosing a cluster lists
 * its namespaces live, without the cluster's own and those already a tenant's; the server checks again.
 */
export function AdoptNamespaceForm({ tenantSlug, clusters }: { tenantSlug: string; clusters: ClusterChoice[] }) {
  const [state, submit, pending] = useActionState(adoptNamespaceAction, idleTenantForm);
  const [listing, setListing] = useState<Listing>({ state: "idle" });
  const errors = state.status === "error" ? (state.fieldErrors ?? {}) : {};
  const values = state.status === "error" ? (state.values ?? {}) : {};
  const listFor = (clusterId: string) => {
    if (!clusterId) return setListing({ state: "idle" });
    setListing({ state: "loading" });
    adoptableNamespacesAction({ tenantSlug, clusterId })
      .then((answer) => setListing(answer.ok ? { state: "done", namespaces: answer.namespaces } : { state: "error", message: answer.error }))
      .catch(() => setListing({ state: "error", message: "The namespaces could not be listed. Try again." }));
  };
  const namespaces = listing.state === "done" ? listing.namespaces : [];
  return (
    <form action={submit} className="space-y-4 rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900" aria-labelledby="adopt-heading">
      <h2 id="adopt-heading" className="text-lg font-semibold">
        Adopt an existing namespace
      </h2>
      <p className="text-sm text-slate-600 dark:text-slate-400">Records the namespace as an environment of this tenant. Nothing on the cluster changes; request a re-apply from a template to bring it under Clusterdesk.</p>
      <input type="hidden" name="tenantSlug" value={tenantSlug} />
      <div className="grid gap-4 sm:grid-cols-3">
        <div>
          <label htmlFor="adopt-cluster" className="text-sm font-medium">
            Cluster
          </label>
          <select id="adopt-cluster" name="clusterId" required defaultValue={values.clusterId ?? ""} onChange={(event) => listFor(event.target.value)} className={inputClass} aria-invalid={errors.clusterId ? true : undefined} aria-describedby={errors.clusterId ? "adopt-clusterId-error" : undefined}>
            <option value="" disabled>
              Choose a cluster
            </option>
            {clusters.map((cluster) => (
              <option key={cluster.id} value={cluster.id}>
                {cluster.name} ({cluster.location})
              </option>
            ))}
          </select>
          <FieldError id="adopt-clusterId-error" message={errors.clusterId} />
        </div>
        <div>
          <label htmlFor="adopt-namespace" className="text-sm font-medium">
            Namespace
          </label>
          <select id="adopt-namespace" name="namespace" required disabled={namespaces.length === 0} defaultValue="" className={inputClass} aria-invalid={errors.namespace ? true : undefined} aria-describedby={errors.namespace ? "adopt-namespace-error adopt-namespace-status" : "adopt-namespace-status"}>
            <option value="" disabled>
              Choose a namespace
            </option>
            {namespaces.map((namespace) => (
              <option key={namespace} value={namespace}>
                {namespace}
              </option>
            ))}
          </select>
          <p id="adopt-namespace-status" role="status" className="mt-1 text-xs text-slate-600 dark:text-slate-400">
            {listing.state === "loading" ? "Listing the cluster's namespaces…" : listing.state === "error" ? listing.message : listing.state === "done" && namespaces.length === 0 ? "No namespace on this cluster can be adopted." : listing.state === "idle" ? "Choose a cluster first." : `${namespaces.length} namespaces can be adopted.`}
          </p>
          <FieldError id="adopt-namespace-error" message={errors.namespace} />
        </div>
        <div>
          <label htmlFor="adopt-environment" className="text-sm font-medium">
            Environment name
          </label>
          <input id="adopt-environment" name="environment" required maxLength={maxEnvironmentNameLength} defaultValue={values.environment ?? ""} className={inputClass} aria-invalid={errors.environment ? true : undefined} aria-describedby={errors.environment ? "adopt-environment-error" : undefined} />
          <FieldError id="adopt-environment-error" message={errors.environment} />
        </div>
      </div>
      <TenantFeedback state={state} />
      <Button type="submit" disabled={pending}>
        {pending ? "Adopting…" : "Adopt namespace"}
      </Button>
    </form>
  );
}
