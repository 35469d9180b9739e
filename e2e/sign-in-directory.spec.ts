import { expect, test } from "@playwright/test";
import { emulatorControl } from "./support/emulator-control";
import { personas } from "./support/personas";

test("a Graph outage while reading an overage user's groups ends the sign-in with an explanation, not an error page", async ({ page }) => {
  // Gwen's token carries the groups-overage claim, so sign-in must ask Graph for her groups.
  await emulatorControl.injectFault({ method: "POST", path: "/getMemberObjects$", status: 503, count: 4, retryAfterSeconds: 0 });
  try {
    await page.goto("/clusters");
    await page.getByRole("link", { name: "Sign in with Microsoft Entra ID" }).click();
    await page.getByRole("button", { name: new RegExp(personas.overage.name) }).click();
    await expect(page).toHaveURL(/\/sign-in\?error=directory$/);
    await expect(page.getByRole("alert").filter({ hasText: "could not read your group memberships" })).toBeVisible();
  } finally {
    await emulatorControl.clearFaults();
  }
});
