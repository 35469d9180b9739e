import { expect, type Page } from "@playwright/test";

/** The inventory is filled by the sync queued at start-up; the page refreshes itself while it runs. */
export async function waitForInventory(page: Page, cluster: string): Promise<void> {
  await expect(async () => {
    await page.reload();
    await expect(page.getByRole("link", { name: cluster, exact: true })).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 60_000 });
}
