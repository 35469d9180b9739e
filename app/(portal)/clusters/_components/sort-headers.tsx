"use client";

import Link from "next/link";

/**
 * The column headers, from plain data (as server components they travelled as their element tree
 * beside their HTML): the label, the link that sorts by the column (none for the columns that do not
 * sort) and, on the sorted column, its direction.
 */
export type ColumnHeader = [label: string, href: string | null, sorted?: "ascending" | "descending"];

export function SortHeaders({ headers }: { headers: ColumnHeader[] }) {
  return (
    <tr>
      {headers.map(([label, href, sorted]) => (
        // No scope: in a head row of header cells each is its column's header.
        <th key={label} aria-sort={sorted}>
          {href === null ? (
            label
          ) : (
            <Link href={href}>
              {label}
              {sorted ? <span aria-hidden>{sorted === "ascending" ? " ▲" : " ▼"}</span> : null}
            </Link>
          )}
        </th>
      ))}
    </tr>
  );
}
