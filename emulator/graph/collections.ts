import type { Exchange } from "../http/exchange";
import { sendJson } from "../http/exchange";
import type { Runtime } from "../runtime";
import { GraphQueryError, parseFilter, parseSearch, select, type DirectoryRecord } from "./query";

/** A Graph collection answer: $search / $filter / $select / $top / $count and `@odata.nextLink` paging. */
export type CollectionSpec = {
  items: DirectoryRecord[];
  entitySet: string;
  typeName: string;
  properties: readonly string[];
  searchable: readonly string[];
  filterable: readonly string[];
};

export function sendCollection(exchange: Exchange, runtime: Runtime, spec: CollectionSpec): void {
  const params = exchange.url.searchParams;
  const eventual = exchange.header("consistencylevel")?.toLowerCase() === "eventual";
  const search = params.get("$search");
  const filter = params.get("$filter");
  const wantsCount = params.get("$count") === "true";
  if (search !== null && !eventual) {
    throw new GraphQueryError(400, "Request_UnsupportedQuery", "Request with $search query parameter only works through MSGraph with a special request header: 'ConsistencyLevel: eventual'");
  }
  if (wantsCount && !eventual) throw new GraphQueryError(400, "Request_BadRequest", "$count is not currently supported.");
  let items = spec.items;
  if (search !== null) items = items.filter(parseSearch(search, spec.searchable));
  if (filter !== null) items = items.filter(parseFilter(filter, spec.filterable));
  const top = Number(params.get("$top") ?? runtime.settings.graphPageSize);
  if (!Number.isInteger(top) || top < 1 || top > 999) {
    throw new GraphQueryError(400, "Request_BadRequest", `Invalid page size specified: '${params.get("$top") ?? ""}'. Must be between 1 and 999 inclusive.`);
  }
  const selected = params.get("$select")?.split(",").map((property) => property.trim()).filter(Boolean);
  const offset = Number(Buffer.from(params.get("$skiptoken") ?? "", "base64url").toString("utf8") || "0") || 0;
  const pageItems = items.slice(offset, offset + top).map((item) => select(item, selected, spec.properties, spec.typeName));
  let nextLink: string | undefined;
  if (offset + top < items.length) {
    const next = new URL(`${runtime.baseUrl()}${exchange.path}`);
    params.forEach((value, key) => next.searchParams.set(key, value));
    next.searchParams.set("$skiptoken", Buffer.from(String(offset + top)).toString("base64url"));
    nextLink = next.toString();
  }
  sendJson(exchange, 200, {
    "@odata.context": `https://graph.microsoft.com/v1.0/$metadata#${spec.entitySet}${selected ? `(${selected.join(",")})` : ""}`,
    ...(wantsCount ? { "@odata.count": items.length } : {}),
    ...(nextLink ? { "@odata.nextLink": nextLink } : {}),
    value: pageItems,
  });
}
