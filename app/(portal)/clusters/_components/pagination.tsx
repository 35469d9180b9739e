"use client";

import Link from "next/link";
import styles from "./cluster-table.module.css";

/**
 * Paging below the table, from plain data (`paginationProps`): where the page is, and the links to
 * the pages either side (or back to the last page from beyond the end).
 */
export type PaginationProps = { summary: string; label: string; back?: [href: string, text: "Previous" | "Last page"]; next?: string };

export function Pagination({ summary, label, back, next }: PaginationProps) {
  return (
    <nav aria-label="Pages" className={styles.pages}>
      <p>{summary}</p>
      <div>
        {back ? (
          <Link href={back[0]} {...(back[1] === "Previous" ? { rel: "prev" } : {})}>
            {back[1]}
          </Link>
        ) : null}
        <span aria-current="page">{label}</span>
        {next ? <Link href={next} rel="next">Next</Link> : null}
      </div>
    </nav>
  );
}
