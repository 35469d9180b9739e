/**
 * The list pages bench:cluster-list measures and the bundle test holds to the HTML goal: the first
 * page, a search deep in the results, a filter with a sort, and one subscription's clusters (its ID
 * taken from the first row's link: at 1,000 subscriptions the filter is a text field, not a list).
 */
export async function clusterListShapes(get: (pathname: string) => Promise<string>): Promise<Record<string, string>> {
  const someSubscription = (await get("/clusters")).match(/href="\/clusters\/([0-9a-f-]{36})\//)?.[1];
  if (!someSubscription) throw new Error("the first list page links to no cluster");
  return {
    "first page": "/clusters",
    "search + page 5": "/clusters?q=payments&page=5",
    "filter + sort + page 3": "/clusters?exposure=open&sort=findings&page=3",
    "one subscription": `/clusters?subscription=${someSubscription}`,
  };
}

/** Issue 15: "a page payload under 50 KB" (the HTML as sent, uncompressed; KiB like the bench prints). */
export const listHtmlGoalBytes = 50 * 1024;
