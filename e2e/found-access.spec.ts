import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { personaBrowsers } from "./support/persona-browsers";

const nonProduction = "6a1c0c7e-9f3b-4b0a-8e2d-444455556666";
const sharedDevAccess = `/clusters/${nonProduction}/rg-dev/aks-shared-dev/access`;

const { as } = personaBrowsers();

// Specs share one database and emulator: this one changes nothing (the reason is refused), so the
// seed's found assignments stay as other specs expect them.
test("an admin opens Adopt or revoke on an assignment found on the cluster; a too-short reason is refused by the server and nothing changes", async ({ browser }) => {
  test.setTimeout(120_000);
  const admin = await as(browser, "admin", sharedDevAccess);
  const found = admin.getByRole("table", { name: "Role assignments found on the cluster, not made through Clusterdesk" });
  const row = found.getByRole("row", { name: /Team Search Members/ }).first();
  await expect(row).toContainText("found on the cluster");
  // Inherited assignments say why they cannot be adopted or revoked here.
  await expect(found.getByRole("row", { name: /inherited from the subscription/ }).first()).toContainText("It is inherited from the subscription");

  await row.locator("summary", { hasText: "Adopt or revoke" }).click();
  await row.getByLabel(/^Why adopt or revoke/).fill("abc");
  await row.getByRole("button", { name: "Confirm adoption" }).click();
  await expect(row.getByText("Say why (at least 5 characters).")).toBeVisible();
  await expect(row.getByRole("alert")).toContainText("Check the highlighted fields.");
  await expect(row).toContainText("found on the cluster");
  const accessibility = await new AxeBuilder({ page: admin }).analyze();
  expect(accessibility.violations).toEqual([]);
});
