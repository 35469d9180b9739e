import AxeBuilder from "@axe-core/playwright";
import { expect, type Page, test } from "@playwright/test";
import { demoSubscriptions } from "../emulator/seed/organisation";
import { waitForInventory } from "./support/inventory";
import { signInAs } from "./support/personas";

const clusterRows = (page: Page) => page.getByRole("table", { name: "AKS clusters" }).locator("tbody tr");

test.describe("cluster inventory", () => {
  test("an admin sees every cluster, filters them and opens a cluster's detail", async ({ page }) => {
    await signInAs(page, "admin", "/clusters");
    await waitForInventory(page, "aks-shared-dev");
    await expect(clusterRows(page)).toHaveCount(7);
    // The cells carry no scope attributes (bytes on every row): the roles come from the table's structure.
    const table = page.getByRole("table", { name: "AKS clusters" });
    await expect(table.getByRole("rowheader", { name: /^aks-shared-dev/ })).toHaveCount(1);
    await expect(table.getByRole("columnheader", { name: /^Cluster/ })).toHaveAttribute("aria-sort", "ascending");
    await expect(table.getByRole("columnheader")).toHaveCount(8);
    await expect(page.getByRole("button", { name: "Refresh inventory" })).toBeVisible();

    await page.getByLabel("API server").selectOption("open");
    await page.getByRole("button", { name: "Apply filters" }).click();
    await expect(page).toHaveURL(/exposure=open/);
    await expect(clusterRows(page)).toHaveCount(2);
    expect((await new AxeBuilder({ page }).analyze()).violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);

    await page.goto("/clusters");
    await page.getByRole("link", { name: "aks-shared-dev", exact: true }).click();
    await expect(page.getByRole("heading", { level: 1, name: "aks-shared-dev" })).toBeVisible();
    const tabs = page.getByRole("navigation", { name: "Cluster sections" });
    await expect(tabs.getByRole("link", { name: "Overview" })).toHaveAttribute("aria-current", "page");
    await expect(tabs.getByRole("link", { name: "IP ranges" })).toHaveAttribute("href", /\/aks-shared-dev\/ip-ranges$/);
    const namespaces = page.getByRole("region", { name: "Namespaces" });
    await expect(namespaces.getByRole("row", { name: /payments-dev/ })).toContainText("Payments");
    await expect(page.getByRole("region", { name: "Entra integration" })).toContainText("Clusterdesk Admins");
    await expect(page.getByRole("region", { name: "Security posture" })).toContainText("Azure Policy");
    expect((await new AxeBuilder({ page }).analyze()).violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);

    await page.goto("/clusters/" + demoSubscriptions.production + "/rg-payments-prod/aks-payments-prod");
    await expect(page.getByRole("region", { name: "API server access" })).toContainText("not reachable from the portal");

    await page.goto("/");
    await expect(page.getByRole("region", { name: "Fleet posture" })).toContainText("Clusters with high findings");
  });

  test("a team lead sees only the clusters hosting their tenants and gets 403 on another cluster", async ({ page }) => {
    await signInAs(page, "paymentsLead", "/clusters");
    await waitForInventory(page, "aks-shared-dev");
    const names = await clusterRows(page).locator("th").allInnerTexts();
    expect(names.map((name) => name.split("\n")[0])).toEqual(["aks-legacy-podid", "aks-payments-prod", "aks-platform-shared", "aks-shared-dev"]);
    await expect(page.getByRole("button", { name: "Refresh inventory" })).toHaveCount(0);

    const response = await page.goto(`/clusters/${demoSubscriptions.production}/rg-search-prod/aks-search-prod`);
    expect(response?.status()).toBe(403);
    await expect(page.getByRole("heading", { name: "You do not have access to this page" })).toBeVisible();

    const unknown = await page.goto(`/clusters/${demoSubscriptions.production}/rg-nowhere/aks-nothing`);
    expect(unknown?.status()).toBe(404);
  });

  test("the list on a phone (390 px) in the dark theme: badges styled, no accessibility violations", async ({ page }) => {
    await signInAs(page, "admin", "/clusters");
    await waitForInventory(page, "aks-shared-dev");
    await page.setViewportSize({ width: 390, height: 844 });
    // The badges' colours come from the table's CSS module: its dark styles must apply too.
    const badge = page.getByRole("table", { name: "AKS clusters" }).locator("tbody td:nth-child(5) data").first();
    const light = await badge.evaluate((element) => getComputedStyle(element).backgroundColor);
    await page.getByLabel("Theme").selectOption("dark");
    await page.reload();
    await expect(page.locator("html")).toHaveClass("dark");
    await expect(badge).not.toHaveCSS("background-color", light);
    expect((await new AxeBuilder({ page }).analyze()).violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
  });

  test("a plain member is told why there is nothing to see", async ({ page }) => {
    await signInAs(page, "member", "/clusters");
    await expect(page.getByRole("region", { name: "No clusters to show" })).toContainText("You do not own a tenant yet");
  });
});
