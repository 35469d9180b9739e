import AxeBuilder from "@axe-core/playwright";
import { expect, type Page, test } from "@playwright/test";
import { personaBrowsers } from "./support/persona-browsers";
import { signInAs } from "./support/personas";

const nonProduction = "6a1c0c7e-9f3b-4b0a-8e2d-444455556666";
const sharedDevAccess = `/clusters/${nonProduction}/rg-dev/aks-shared-dev/access`;

const { as } = personaBrowsers();

/** The people picker with the keyboard only: type, ArrowDown to the match, Enter. */
async function pickWithKeyboard(page: Page, term: string, name: string) {
  const combobox = page.getByRole("combobox", { name: "User or group" });
  await combobox.focus();
  await page.keyboard.type(term, { delay: 50 });
  const option = page.getByRole("option", { name: new RegExp(name) });
  await expect(option).toBeVisible({ timeout: 30_000 });
  await expect(combobox).toHaveAttribute("aria-expanded", "true");
  await expect(page.getByRole("status").filter({ hasText: /results? available/ })).toHaveCount(1);
  await page.keyboard.press("ArrowDown");
  await expect(combobox).toHaveAttribute("aria-activedescendant", (await option.getAttribute("id")) ?? "missing");
  await page.keyboard.press("Enter");
  await expect(combobox).toHaveAttribute("aria-expanded", "false");
  await expect(combobox).toHaveValue(name);
}

async function approve(page: Page, number: string) {
  await page.goto(`/requests/${number}`);
  await page.getByLabel("Comment").fill("OK");
  await page.getByRole("button", { name: "Approve" }).click();
  await expect(page.getByTestId("request-status")).toContainText("Applied", { timeout: 90_000 });
}

async function requestNumberFrom(page: Page) {
  const confirmation = page.getByRole("status").filter({ hasText: "waiting for a platform admin" });
  await expect(confirmation).toBeVisible({ timeout: 30_000 });
  const number = /#(\d+)/.exec((await confirmation.textContent()) ?? "")?.[1];
  expect(number).toBeDefined();
  return number ?? "";
}

test.describe("people picker, extension and person view", () => {
  /** The Access tab's columns: namespace, who, role, status, granted, expires, request. */
  const expiresColumn = 5;

  test("a lead picks Liam with the keyboard, asks for 8 hours of Writer, an admin approves; the lead extends it; the person view shows it", async ({ browser }) => {
    test.setTimeout(240_000);
    const lead = await as(browser, "paymentsLead", sharedDevAccess);
    // A lead finds only their tenants' people: Chen (search) is not offered.
    const combobox = lead.getByRole("combobox", { name: "User or group" });
    await combobox.fill("chen");
    await expect(lead.getByRole("status").filter({ hasText: "No user or group matches." })).toHaveCount(1, { timeout: 30_000 });
    await expect(lead.getByRole("option", { name: /Chen Wei/ })).toHaveCount(0);
    await combobox.fill("");

    await pickWithKeyboard(lead, "liam", "Liam O'Brien");
    await expect(lead.getByText("Selected: Liam O'Brien (liam.obrien@clusterdesk-demo.onmicrosoft.com)")).toBeVisible();
    await lead.getByLabel("Role").selectOption({ label: "Azure Kubernetes Service RBAC Writer" });
    await lead.getByLabel("Duration").selectOption("8h");
    await lead.getByLabel("Reason").fill("Liam on call for payments");
    await lead.getByRole("button", { name: "Request approval" }).click();
    const grantNumber = await requestNumberFrom(lead);

    const admin = await as(browser, "admin", `/requests/${grantNumber}`);
    await expect(admin.getByText("Grant Azure Kubernetes Service RBAC Writer on namespace payments-dev to user Liam O'Brien")).toBeVisible();
    await approve(admin, grantNumber);

    await lead.goto(sharedDevAccess);
    const row = lead.getByRole("row", { name: /Liam O'Brien/ });
    await expect(row.getByRole("link", { name: `#${grantNumber}` })).toBeVisible();
    // The expiry is counted from when the cluster honours the grant: read it once the grant is effective.
    await expect(row.getByText("Effective", { exact: true })).toBeVisible({ timeout: 90_000 });
    const expiresBefore = await row.locator("td").nth(expiresColumn).textContent();
    await row.locator("summary", { hasText: "Extend" }).click();
    await row.getByLabel("Longer by").selectOption("1d");
    await row.getByLabel("Why longer?").fill("The migration runs a day late");
    await row.getByRole("button", { name: "Ask to extend" }).click();
    const extensionNumber = await requestNumberFrom(lead);

    await admin.goto(`/requests/${extensionNumber}`);
    await expect(admin.getByText(/Extend Azure Kubernetes Service RBAC Writer on namespace payments-dev for Liam O'Brien by 1 day/)).toBeVisible();
    await approve(admin, extensionNumber);
    await lead.goto(sharedDevAccess);
    await expect(lead.getByRole("row", { name: /Liam O'Brien/ }).locator("td").nth(expiresColumn)).not.toHaveText(expiresBefore ?? "", { timeout: 30_000 });

    // The person view: the admin looks Liam up and sees the grant, its request and the way to its cluster.
    await admin.goto("/access");
    await pickWithKeyboard(admin, "liam", "Liam O'Brien");
    await expect(admin).toHaveURL(/\/access\?principal=10000000-0000-4000-8000-000000000007/);
    const held = admin.getByRole("table", { name: "Access Liam O'Brien holds, by cluster" });
    const entry = held.getByRole("row", { name: new RegExp(`Clusterdesk request #${grantNumber}`) });
    await expect(entry).toContainText("payments-dev");
    await expect(entry).toContainText("Azure Kubernetes Service RBAC Writer");
    await expect(entry).toContainText("Directly");
    // Through Team Payments Members, the seed's assignment found on the cluster.
    await expect(held.getByRole("row", { name: /found on the cluster/ }).first()).toContainText("Team Payments Members");
    const accessibility = await new AxeBuilder({ page: admin }).analyze();
    expect(accessibility.violations).toEqual([]);
    await entry.getByRole("link", { name: /aks-shared-dev/ }).click();
    await expect(admin).toHaveURL(new RegExp(`${sharedDevAccess}$`));
  });

  test("a plain member is told the person view is not for them", async ({ page: member }) => {
    await signInAs(member, "member", "/access");
    await expect(member.getByRole("heading", { name: "Nothing to show you here" })).toBeVisible();
    await expect(member.getByRole("combobox", { name: "User or group" })).toHaveCount(0);
  });
});
