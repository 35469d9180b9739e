import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { ClusterRows } from "./cluster-rows";
import { type ClusterRowInput, encodeClusterRows } from "./cluster-rows-data";

const sub = "11111111-1111-4111-8111-111111111111";
const other = "22222222-2222-4222-8222-222222222222";
const item = (overrides: Partial<ClusterRowInput>): ClusterRowInput => ({
  name: "aks-payments-prod", subscriptionId: sub, subscriptionName: "Production", resourceGroup: "rg-payments", location: "westeurope",
  kubernetesVersion: "1.31.5", exposure: "open", apiServerReachable: false, nodeCount: 3, postureScore: 61,
  failingHigh: 2, failingMedium: 1, failingLow: 0, unknownFindings: 0, ...overrides,
});
const items = [
  item({}),
  item({ name: "aks-search-dev", resourceGroup: "rg-search", location: "northeurope", kubernetesVersion: null, exposure: "private", apiServerReachable: true, nodeCount: 5, postureScore: 100, failingHigh: 0, failingMedium: 0 }),
  item({ name: "aks-new", subscriptionId: other, subscriptionName: null, resourceGroup: "rg-new", location: "eastus", kubernetesVersion: "1.32.3", exposure: "authorized-ranges", apiServerReachable: true, nodeCount: 1, postureScore: 90, failingHigh: 0, failingMedium: 0, unknownFindings: 2 }),
];
const data = encodeClusterRows(items);
const html = renderToStaticMarkup(
  <table>
    <tbody>
      <ClusterRows {...data} />
    </tbody>
  </table>,
);

describe("the cluster list's rows", () => {
  it("link each cluster to its page and say what the list shows", () => {
    expect(html).toContain(`href="/clusters/${sub}/rg-payments/aks-payments-prod"`);
    expect(html).toContain(`href="/clusters/${other}/rg-new/aks-new"`);
    expect(html).toContain("<small>rg-payments</small></th><td>Production</td><td>westeurope</td><td>1.31.5</td>");
    expect(html).toContain('<data value="open">Open to the internet</data>');
    expect(html).toContain('<data value="private">Private</data>');
    expect(html).toContain('<data value="authorized-ranges">Authorized IP ranges</data>');
    expect(html).toContain('<data value="high">2 high</data><data value="medium">1 medium</data>');
    expect(html).toContain('<data value="none">None</data>');
    expect(html).toContain('<data value="unknown">2 not checked</data>');
    expect(html.match(/<small>Not reachable from the portal<\/small>/g)).toHaveLength(1);
    expect(html).toContain("<td>—</td>");
    // A subscription without a name is shown by its ID.
    expect(html).toContain(`<td>${other}</td>`);
    expect(html).toContain("<td>1</td><td>90</td>");
  });

  it("carry no per-row classes: every style comes from the table, once per page", () => {
    expect(html).not.toContain("class=");
  });

  it("reach the browser with each repeated string once", () => {
    expect(data.strings.filter((value) => value === sub)).toHaveLength(1);
    expect(data.strings.filter((value) => value === "Production")).toHaveLength(1);
    expect(JSON.stringify(data).match(/aks-payments-prod/g)).toHaveLength(1);
    expect(data.rows.map((row) => row.length)).toEqual([14, 14, 14]);
  });
});
