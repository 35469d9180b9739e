import type { Exchange } from "../http/exchange";

/** One page of an ARM list with an absolute `nextLink` (the pager follows it and appends api-version if missing). */
export function page<T>(exchange: Exchange, baseUrl: string, items: T[], pageSize: number, tokenParam = "$skipToken"): { value: T[]; nextLink?: string } {
  const offset = Number(exchange.url.searchParams.get(tokenParam) ?? "0") || 0;
  const value = items.slice(offset, offset + pageSize);
  if (offset + pageSize >= items.length) return { value };
  const next = new URL(`${baseUrl}${exchange.path}`);
  exchange.url.searchParams.forEach((paramValue, key) => next.searchParams.set(key, paramValue));
  next.searchParams.set(tokenParam, String(offset + pageSize));
  return { value, nextLink: next.toString() };
}
