/**
 * Where a numbered page sits in a list. A page past the end (an old link, `?page=99`) says so rather
 * than being labelled as page 1 while showing nothing.
 */
export function pagePosition({ page, pageSize, total }: { page: number; pageSize: number; total: number }) {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const beyondEnd = page > pages;
  const first = beyondEnd || total === 0 ? 0 : (page - 1) * pageSize + 1;
  const last = beyondEnd ? 0 : Math.min(total, page * pageSize);
  const label = beyondEnd ? `Page ${page} is past the end: there ${pages === 1 ? "is 1 page" : `are ${pages} pages`}` : `Page ${page} of ${pages}`;
  return { pages, first, last, label, beyondEnd };
}
