import { z } from "zod";

/**
 * The cluster list's search, filters, sort and page, as they travel in the URL. Pure: parsed the same
 * way on the server (to build the query) and in the UI (to build links). Unknown or malformed values
 * fall back to the defaults instead of failing the page: URLs get shared, edited and truncated.
 */

export const exposureFilters = ["private", "authorized-ranges", "open"] as const;
export const postureFilters = ["high", "medium", "low", "clean"] as const;
export const sortKeys = ["name", "score", "findings", "version", "location", "subscription", "synced"] as const;
export const pageSizes = [25, 50, 100] as const;

export type PostureFilter = (typeof postureFilters)[number];
export type SortKey = (typeof sortKeys)[number];

export type InventoryListQuery = {
  search: string;
  subscriptionId: string | null;
  location: string | null;
  kubernetesVersion: string | null;
  exposure: (typeof exposureFilters)[number] | null;
  posture: PostureFilter | null;
  sort: SortKey;
  direction: "asc" | "desc";
  page: number;
  pageSize: (typeof pageSizes)[number];
};

export const defaultListQuery: InventoryListQuery = {
  search: "",
  subscriptionId: null,
  location: null,
  kubernetesVersion: null,
  exposure: null,
  posture: null,
  sort: "name",
  direction: "asc",
  page: 1,
  pageSize: 50,
};

const optionalText = z.string().trim().min(1).max(200);
const fields = {
  q: z.string().trim().max(200),
  subscription: optionalText.toLowerCase(),
  location: optionalText,
  version: optionalText,
  exposure: z.enum(exposureFilters),
  posture: z.enum(postureFilters),
  sort: z.enum(sortKeys),
  dir: z.enum(["asc", "desc"]),
  page: z.coerce.number().int().min(1).max(100_000),
  size: z.coerce.number().pipe(z.union(pageSizes.map((size) => z.literal(size)))),
};

type RawParams = Record<string, string | string[] | undefined>;

function pick<T>(schema: z.ZodType<T>, raw: string | string[] | undefined): T | undefined {
  const value = Array.isArray(raw) ? raw[0] : raw;
  if (value === undefined || value === "") return undefined;
  const parsed = schema.safeParse(value);
  return parsed.success ? parsed.data : undefined;
}

export function parseListQuery(params: RawParams): InventoryListQuery {
  const d = defaultListQuery;
  const sort = pick(fields.sort, params.sort) ?? d.sort;
  return {
    search: pick(fields.q, params.q) ?? d.search,
    subscriptionId: pick(fields.subscription, params.subscription) ?? null,
    location: pick(fields.location, params.location) ?? null,
    kubernetesVersion: pick(fields.version, params.version) ?? null,
    exposure: pick(fields.exposure, params.exposure) ?? null,
    posture: pick(fields.posture, params.posture) ?? null,
    sort,
    // Scores read best-first when sorted, findings worst-first; names alphabetically.
    direction: pick(fields.dir, params.dir) ?? (sort === "findings" || sort === "synced" ? "desc" : "asc"),
    page: pick(fields.page, params.page) ?? d.page,
    pageSize: pick(fields.size, params.size) ?? d.pageSize,
  };
}

/** The URL search params for a query, leaving defaults out so links stay short. */
export function listQueryToParams(query: InventoryListQuery): URLSearchParams {
  const params = new URLSearchParams();
  if (query.search) params.set("q", query.search);
  if (query.subscriptionId) params.set("subscription", query.subscriptionId);
  if (query.location) params.set("location", query.location);
  if (query.kubernetesVersion) params.set("version", query.kubernetesVersion);
  if (query.exposure) params.set("exposure", query.exposure);
  if (query.posture) params.set("posture", query.posture);
  if (query.sort !== defaultListQuery.sort) params.set("sort", query.sort);
  if (query.direction !== parseListQuery({ sort: query.sort }).direction) params.set("dir", query.direction);
  if (query.page !== 1) params.set("page", String(query.page));
  if (query.pageSize !== defaultListQuery.pageSize) params.set("size", String(query.pageSize));
  return params;
}

export function hasFilters(query: InventoryListQuery): boolean {
  return Boolean(query.search || query.subscriptionId || query.location || query.kubernetesVersion || query.exposure || query.posture);
}
