/** What the clusters page says about a sync that has not finished. */
export function syncProgressText(active: { status: string; subscriptionsDone: number; subscriptionsTotal: number; clustersFound: number }): string {
  // A queued sync has counted nothing yet: "0 of ? subscriptions" read as a stuck or broken sync.
  if (active.status === "queued") return "Sync queued: it starts as soon as the worker is free.";
  if (active.subscriptionsTotal === 0) return "Sync in progress: listing subscriptions…";
  const clusters = `${active.clustersFound} ${active.clustersFound === 1 ? "cluster" : "clusters"}`;
  return `Sync in progress: ${active.subscriptionsDone} of ${active.subscriptionsTotal} subscriptions, ${clusters} so far.`;
}
