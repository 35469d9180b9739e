import { renderToStaticMarkup } from "react-dom/server";
import { expect, it } from "vitest";
import AuditLoading from "./audit/loading";
import PortalLoading from "./loading";

it("the portal and the audit page announce that they are loading, to screen readers too", () => {
  for (const markup of [renderToStaticMarkup(<PortalLoading />), renderToStaticMarkup(<AuditLoading />)]) {
    expect(markup).toMatch(/^<div role="status" aria-live="polite"/);
    expect(markup).toMatch(/<span class="sr-only">Loading[^<]*<\/span>/);
  }
});

