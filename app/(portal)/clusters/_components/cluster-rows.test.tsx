import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { type ClusterRow, ClusterRows } from "./cluster-rows";

const sub = "11111111-1111-4111-8111-111111111111";
const rows: ClusterRow[] = [
  ["aks-payments-prod", sub, "Production", "rg-payments", "westeurope", "1.31.5", "open", false, 3, 61, 2, 1, 0, 0],
  ["aks-search-dev", sub, "Production", "rg-search", "northeurope", null, "private", true, 5, 100, 0, 0, 0, 0],
  ["aks-new", sub, "Production", "rg-new", "eastus", "1.32.3", "authorized-ranges", true, 1, 90, 0, 0, 0, 2],
];
const html = renderToStaticMarkup(
  <table>
    <tbody>
      <ClusterRows rows={rows} />
    </tbody>
  </table>,
);

describe("the cluster list's rows", () => {
  it("link each cluster to its page and say what the list shows", () => {
    expect(html).toContain(`href="/clusters/${sub}/rg-payments/aks-payments-prod"`);
    expect(html).toContain('<span data-exposure="open">Open to the internet</span>');
    expect(html).toContain('<span data-exposure="authorized-ranges">Authorized IP ranges</span>');
    expect(html).toContain('<span data-finding="high">2 high</span><span data-finding="medium">1 medium</span>');
    expect(html).toContain('<span data-finding="none">None</span>');
    expect(html).toContain('<span data-finding="unknown">2 not checked</span>');
    expect(html).toContain("<small>Not reachable from the portal</small>");
    expect(html).toContain("<td>—</td>");
  });

  it("carry no per-row classes: every style comes from the table, once per page", () => {
    expect(html).not.toContain("class=");
  });
});
