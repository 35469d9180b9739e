import { type RequestKind, requestKinds } from "./kinds";
import type { RequestView } from "./presentation";
import { isRequestView } from "./presentation";

/** The requests list's URL state: every link of the list (tabs, pages, filter) is built from it. */
export type RequestListParams = { view: RequestView; kind: RequestKind | null; page: number; unknownKind: string | null };

type SearchParams = Record<string, string | string[] | undefined>;

const first = (value: string | string[] | undefined) => (typeof value === "string" ? value : Array.isArray(value) ? (value[0] ?? "") : "");

/**
 * Reads ?view, ?kind and ?page. An unknown kind is reported (the page says it was ignored) rather than
 * silently dropped; a page that is not a positive whole number is page 1. The inbox is the admins'.
 */
export function parseRequestListParams(params: SearchParams, isAdmin: boolean): RequestListParams {
  const requested = first(params.view);
  const view: RequestView = isRequestView(requested) && (requested !== "inbox" || isAdmin) ? requested : isAdmin ? "inbox" : "all";
  const kindText = first(params.kind);
  // Own keys only: `in` would take "toString" for a kind.
  const kind = kindText !== "" && Object.hasOwn(requestKinds, kindText) ? (kindText as RequestKind) : null;
  const pageText = first(params.page);
  const page = /^[1-9]\d{0,8}$/.test(pageText) ? Number(pageText) : 1;
  return { view, kind, page, unknownKind: kindText !== "" && kind === null ? kindText : null };
}

/** The list's URL for these params; page 1 and "every kind" are left out so links stay short. */
export function requestListHref({ view, kind, page }: { view: RequestView; kind: RequestKind | null; page: number }): string {
  const search = new URLSearchParams({ view });
  if (kind) search.set("kind", kind);
  if (page > 1) search.set("page", String(page));
  return `/requests?${search.toString()}`;
}
