import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import AxeBuilder from "@axe-core/playwright";
import { expect, type Page, test } from "@playwright/test";
import { personaBrowsers } from "./support/persona-browsers";

const { as } = personaBrowsers();

const axeViolations = async (page: Page) => (await new AxeBuilder({ page }).analyze()).violations.map((violation) => `${violation.id}: ${violation.help}`);

test.describe("archived audit events", () => {
  test("an auditor sees an archive, verifies it and downloads exactly the recorded bytes; a lead gets none of it", async ({ browser }) => {
    test.setTimeout(240_000);
    // Retention's own archiving, on a log whose events are minutes old (app/api/test-hooks/audit-archive).
    const admin = await as(browser, "admin", "/audit");
    const hook = await admin.request.post("/api/test-hooks/audit-archive", { data: {}, timeout: 60_000 });
    expect(hook.status(), await hook.text()).toBe(200);
    const archive = (await hook.json()) as { firstSeq: string; lastSeq: string; sha256: string };
    const title = `Events ${archive.firstSeq}–${archive.lastSeq}`;

    const auditor = await as(browser, "auditor", "/audit");
    const section = auditor.getByRole("region", { name: "Archived events" });
    const card = section.getByRole("listitem").filter({ has: auditor.getByRole("heading", { name: title }) });
    await expect(card).toBeVisible({ timeout: 30_000 });
    await expect(card).toContainText(archive.sha256);
    await expect(card).toContainText(`audit-${archive.firstSeq}-${archive.lastSeq}.jsonl`);

    await card.getByRole("button", { name: `Verify events ${archive.firstSeq}–${archive.lastSeq}` }).click();
    await expect(card.getByRole("status")).toContainText(`audit-${archive.firstSeq}-${archive.lastSeq}.jsonl verifies`, { timeout: 60_000 });

    const started = auditor.waitForEvent("download");
    await card.getByRole("link", { name: `Download events ${archive.firstSeq}–${archive.lastSeq}` }).click();
    const download = await started;
    expect(download.suggestedFilename()).toBe(`audit-${archive.firstSeq}-${archive.lastSeq}.jsonl`);
    const bytes = await readFile(await download.path());
    expect(createHash("sha256").update(bytes).digest("hex")).toBe(archive.sha256);
    const href = (await card.getByRole("link", { name: /^Download/ }).getAttribute("href")) ?? "";
    expect(href).toMatch(/^\/audit\/archives\/\d+$/);

    // Both acts are in the log.
    await auditor.goto("/audit?action=audit.archive_downloaded");
    await expect(auditor.getByRole("table", { name: "Audit events" })).toContainText("audit.archive_downloaded", { timeout: 30_000 });
    await auditor.goto("/audit?action=audit.archive_verified");
    await expect(auditor.getByRole("table", { name: "Audit events" })).toContainText("audit.archive_verified", { timeout: 30_000 });

    await auditor.goto("/audit");
    await expect(card).toBeVisible({ timeout: 30_000 });
    expect(await axeViolations(auditor)).toEqual([]);
    await auditor.setViewportSize({ width: 390, height: 844 });
    expect(await axeViolations(auditor)).toEqual([]);
    expect(await auditor.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

    // A lead's audit page is their tenants' history: no archives listed, and the file is refused.
    const lead = await as(browser, "paymentsLead", "/audit");
    await expect(lead.getByRole("heading", { level: 1, name: "Audit" })).toBeVisible();
    await expect(lead.getByRole("region", { name: "Archived events" })).toHaveCount(0);
    expect((await lead.request.get(href)).status()).toBe(403);
  });
});
