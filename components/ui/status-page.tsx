import Link from "next/link";

/**
 * A 404/403/401 page: the status, what happened, and one way on. Styled by its one global class
 * (`.status-page` in app/globals.css, which says why).
 */
export function StatusPage({ status, title, children, link }: { status: 401 | 403 | 404; title: string; children?: string; link: { href: string; label: string } }) {
  return (
    <main id="main" className={status === 403 ? "status-page denied" : "status-page"}>
      <p>{status}</p>
      <h1>{title}</h1>
      {children ? <p>{children}</p> : null}
      <Link href={link.href}>{link.label}</Link>
    </main>
  );
}
