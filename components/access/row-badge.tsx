import type { ReactNode } from "react";

/** A badge inside `access-rows.module.css`'s rows: its look comes from the table, not from classes. */
export function RowBadge({ tone, children }: { tone: "info" | "danger" | "muted"; children: ReactNode }) {
  return <span data-badge={tone}>{children}</span>;
}
