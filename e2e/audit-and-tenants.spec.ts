import { readFile } from "node:fs/promises";
import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { signInAs } from "./support/personas";

test.describe("audit log and tenants", () => {
  test("an auditor reads the audit log, filters it, and sees the sign-ins it recorded", async ({ page }) => {
    // A full page of events with their field diffs: axe needs longer than the default on a loaded machine.
    test.setTimeout(150_000);
    await signInAs(page, "auditor", "/audit");
    const events = page.getByRole("table", { name: "Audit events" });
    await expect(events.getByRole("row", { name: /auth\.sign_in/ }).first()).toBeVisible();

    await page.getByLabel("Action").fill("auth.sign_in");
    await page.getByLabel("Outcome").selectOption("success");
    await page.getByRole("button", { name: "Apply filters" }).click();
    await expect(page).toHaveURL(/action=auth\.sign_in/);
    // The filtered events stream in (Suspense): poll until only sign-ins are listed.
    const signInsOnly = async () => {
      const actions = await events.locator(":scope > tbody > tr > td:nth-child(3)").allTextContents();
      return actions.length > 0 && actions.every((text) => text.startsWith("auth.sign_in"));
    };
    await expect.poll(signInsOnly, { timeout: 30_000 }).toBe(true);
    // A time range that ends before anything happened matches nothing.
    await page.getByLabel("To (UTC day, included)").fill("2020-01-01");
    await page.getByRole("button", { name: "Apply filters" }).click();
    await expect(page.getByRole("region", { name: "No matching events" })).toBeVisible();
    await page.getByLabel("To (UTC day, included)").fill("");
    await page.getByRole("button", { name: "Apply filters" }).click();

    await events.getByText("Show change").first().click();
    await expect(events.getByRole("table", { name: "Fields changed by this event" }).first().getByRole("row", { name: /groupsResolvedThrough/ })).toContainText("token");
    expect((await new AxeBuilder({ page }).analyze()).violations.map((violation) => `${violation.id}: ${violation.help}`)).toEqual([]);
  });

  test("an auditor exports the filtered log as CSV and JSON lines; the export is itself audited", async ({ page }) => {
    await signInAs(page, "auditor", "/audit?action=auth.sign_in");
    const download = page.waitForEvent("download");
    await page.getByRole("link", { name: "Export CSV" }).click();
    const csv = await readFile(await (await download).path(), "utf8");
    const [header, ...rows] = csv.trim().split("\n");
    expect(header).toMatch(/^seq,occurredAt,actorKind/);
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((row) => row.includes(",auth.sign_in,"))).toBe(true);

    const jsonl = await page.request.get("/audit/export?format=jsonl&action=audit.exported");
    expect(jsonl.status()).toBe(200);
    const exported = (await jsonl.text()).trim().split("\n").map((line) => JSON.parse(line) as { action: string; actorName: string });
    expect(exported[0]).toMatchObject({ action: "audit.exported", actorName: "Olu Adeyemi" });
    expect((await page.request.get("/audit/export?format=csv&outcome=maybe")).status()).toBe(400);
  });

  test("the export refuses people without a tenant and signed-out callers", async ({ page, request }) => {
    expect((await request.get("/audit/export")).status()).toBe(401);
    await signInAs(page, "member");
    expect((await page.request.get("/audit/export")).status()).toBe(403);
  });

  test("a team lead sees only the tenants they own", async ({ page }) => {
    await signInAs(page, "paymentsLead", "/tenants");
    const tenants = page.getByRole("table", { name: "Tenants" });
    await expect(tenants.getByRole("row", { name: /Payments/ })).toBeVisible();
    await expect(tenants.getByRole("row", { name: /Search/ })).toHaveCount(0);
    await expect(tenants.getByRole("row", { name: /Payments/ })).toContainText("payments-dev");
  });

  test("a plain member is told why no tenant is shown", async ({ page }) => {
    await signInAs(page, "member", "/tenants");
    await expect(page.getByRole("region", { name: "No tenants to show" })).toBeVisible();
  });
});
