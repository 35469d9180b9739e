import { expect, test } from "@playwright/test";
import { demoSubscriptions } from "../emulator/seed/organisation";
import { emulatorControl } from "./support/emulator-control";
import { waitForInventory } from "./support/inventory";
import { signInAs } from "./support/personas";

/** ARM's list of one subscription's AKS clusters (what the inventory sync pages through). */
const productionListing = `^/subscriptions/${demoSubscriptions.production}/providers/Microsoft\\.ContainerService/managedClusters$`;

test.describe("inventory sync under ARM faults", () => {
  // The sync retries the failing subscription (SDK backoff, then its own attempts) before giving up.
  test.setTimeout(180_000);

  // Specs share one server and emulator: never leave faults behind, whatever happened.
  test.afterEach(async () => {
    await emulatorControl.clearFaults();
  });

  test("429s and 500s on one subscription: the sync retries, finishes the other and names the one that failed", async ({ page }) => {
    await signInAs(page, "admin", "/clusters");
    await waitForInventory(page, "aks-shared-dev");
    await waitForInventory(page, "aks-payments-prod");
    const refresh = page.getByRole("button", { name: "Refresh inventory" });
    // Wait out the start-up (or any other) sync: the button is disabled while one is queued or running.
    await expect(refresh).toBeEnabled({ timeout: 60_000 });
    const warning = page.getByRole("alert").filter({ hasText: "Some subscriptions could not be synced" });
    await expect(warning).toHaveCount(0);

    // Throttling first (retried after retry-after-ms), then more 500s than every retry together.
    await emulatorControl.injectFault({ method: "GET", path: productionListing, status: 429, retryAfterMs: 50, count: 3 });
    await emulatorControl.injectFault({ method: "GET", path: productionListing, status: 500, count: 100 });

    await refresh.click();
    const status = page.getByTestId("sync-status");
    await expect(status).toHaveText(/Sync (queued|in progress): \d+ of \d+ subscriptions/, { timeout: 15_000 });
    await expect(refresh).toBeDisabled();

    // The page polls while the sync runs and shows the outcome when it ends.
    await expect(status).toHaveText(/Last synced .*\(partial\)\./, { timeout: 90_000 });
    await expect(warning).toBeVisible();
    await expect(warning).toContainText("Clusterdesk Demo - Production");
    await expect(warning).toContainText(demoSubscriptions.production);
    await expect(warning).toContainText("ARM answered 500");
    await expect(warning).not.toContainText("Non-production");

    // The other subscription was synced; the failed one's clusters are kept as last seen.
    const clusters = page.getByRole("table", { name: "AKS clusters" });
    for (const name of ["aks-shared-dev", "aks-dev-open", "aks-payments-prod", "aks-search-prod"]) {
      await expect(clusters.getByRole("link", { name, exact: true })).toBeVisible();
    }
    // Each listing attempt went through the SDK's retries: more than one request was answered with a fault.
    const remaining = (await emulatorControl.listFaults()) as Array<{ status: number; remaining: number }>;
    expect(remaining.find((fault) => fault.status === 429)).toBeUndefined();
    expect(remaining.find((fault) => fault.status === 500)?.remaining).toBeLessThan(99);

    // Nothing crashed: with the faults gone, the next refresh clears the warning.
    await emulatorControl.clearFaults();
    await expect(refresh).toBeEnabled();
    await refresh.click();
    await expect(status).toHaveText(/Last synced [^(]*\.$/, { timeout: 60_000 });
    await expect(warning).toHaveCount(0);
    await expect(clusters.getByRole("link", { name: "aks-payments-prod", exact: true })).toBeVisible();
  });
});
