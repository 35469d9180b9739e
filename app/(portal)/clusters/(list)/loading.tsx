import styles from "../_components/cluster-table.module.css";

// In a route group of its own so the streaming loading state does not wrap the cluster pages, whose
// 403 and 404 must be sent as the response status (a streamed response has already sent 200).
// Styled from the module: this state is part of every list response (HTML and React payload).
export default function Loading() {
  return (
    <div role="status" aria-live="polite" className={styles.loading}>
      {/* The real title, so the page keeps its heading (and its place for screen readers) while loading. */}
      <h1>Clusters</h1>
      <span className="sr-only">Loading clusters…</span>
      <div />
      <div />
    </div>
  );
}
