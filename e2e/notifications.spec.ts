import AxeBuilder from "@axe-core/playwright";
import { type Browser, type BrowserContext, expect, type Page, test } from "@playwright/test";
import { emulatorControl } from "./support/emulator-control";
import { waitForInventory } from "./support/inventory";
import { signInAs } from "./support/personas";

// Own rows in the shared e2e database: the approver is Alice Nguyen (a platform admin no other spec
// signs in as), the request is Priya's for a range nobody else uses, and it ends rejected, so no
// cluster changes. Assertions follow this request's number only: other specs' mail may be there.
const nonProduction = "6a1c0c7e-9f3b-4b0a-8e2d-444455556666";
const sharedDevRanges = `/clusters/${nonProduction}/rg-dev/aks-shared-dev/ip-ranges`;
const alice = { name: "Alice Nguyen", upn: "alice.nguyen@clusterdesk-demo.onmicrosoft.com" };
const priyaUpn = "priya.patel@clusterdesk-demo.onmicrosoft.com";
// Delivery is a job with a retry backoff from 5 s; generous on a busy machine.
const deliveryDeadline = { timeout: 90_000 };

const contexts: BrowserContext[] = [];
test.afterEach(async () => {
  await Promise.all(contexts.splice(0).map((context) => context.close()));
});

async function newPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext();
  contexts.push(context);
  return context.newPage();
}

/** The real sign-in flow, for a demo user that e2e/support/personas.ts does not list. */
async function signInAsAlice(page: Page, path: string) {
  await page.goto(path);
  await page.getByRole("link", { name: "Sign in with Microsoft Entra ID" }).click();
  await page.getByRole("button", { name: new RegExp(alice.name) }).click();
  await expect(page.getByTestId("signed-in-user")).toHaveText(alice.name);
}

async function expectNoAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations.map((violation) => `${violation.id}: ${violation.help}`)).toEqual([]);
}

/** The outbox row of one message, reloading until it shows `status` (the job sends in the background). */
async function expectOutboxMessage(page: Page, subject: string, recipient: string, status: RegExp) {
  await expect(async () => {
    await page.goto("/outbox");
    const row = page.getByTestId("outbox-message").filter({ hasText: subject }).filter({ hasText: recipient });
    await expect(row).toHaveCount(1);
    await expect(row).toContainText(status);
  }).toPass(deliveryDeadline);
  return page.getByTestId("outbox-message").filter({ hasText: subject }).filter({ hasText: recipient });
}

test.describe("notifications", () => {
  test("a lead's request e-mails the approvers, the decision e-mails the lead, and a failed send is retried without touching the request", async ({ browser }) => {
    test.setTimeout(240_000);
    // The approver signs in first: Clusterdesk knows people (their address and groups) from sign-in.
    const approver = await newPage(browser);
    await signInAsAlice(approver, "/settings/notifications");
    await expect(approver.getByRole("heading", { level: 1, name: "Notification settings" })).toBeVisible();
    await expect(approver.getByLabel("Requests awaiting approval")).toBeChecked();
    await expect(approver.getByLabel("One daily digest instead of one e-mail per new request")).not.toBeChecked();
    await expectNoAxeViolations(approver);

    const lead = await newPage(browser);
    await signInAs(lead, "paymentsLead", "/clusters");
    await waitForInventory(lead, "aks-shared-dev");
    await lead.goto(sharedDevRanges);
    await lead.getByLabel("IPv4 address or CIDR range").fill("198.51.100.231");
    await lead.getByLabel("Reason").fill("Release runner for the payments team (notifications e2e)");
    await lead.getByRole("button", { name: "Request approval" }).click();
    const confirmation = lead.getByRole("status").filter({ hasText: "waiting for a platform admin" });
    await expect(confirmation).toBeVisible();
    const number = /#(\d+)/.exec((await confirmation.textContent()) ?? "")?.[1];
    expect(number).toBeDefined();
    // The confirmation leads to the request's page, where its progress is followed live.
    await expect(confirmation.getByRole("link", { name: `Follow request #${number}` })).toHaveAttribute("href", `/requests/${number}`);

    // The approvers hear about it: Alice's e-mail, delivered through the emulator's Graph.
    const awaiting = `Request #${number} awaits your decision`;
    const toAlice = await expectOutboxMessage(approver, awaiting, alice.upn, /Sent/);
    await toAlice.locator("summary").click();
    await expect(toAlice).toContainText("Priya Patel asks for");
    await expect(toAlice.getByRole("link", { name: `Open /requests/${number}` })).toBeVisible();
    await expectNoAxeViolations(approver);
    const mailToAlice = (await emulatorControl.sentMail()).filter((mail) => mail.subject.includes(awaiting) && mail.toRecipients.some((to) => to.address === alice.upn));
    expect(mailToAlice).toHaveLength(1);

    // The lead's copy of the decision fails once at Graph; the job retries it.
    await emulatorControl.injectFault({ method: "POST", path: "/sendMail$", bodyContains: priyaUpn, status: 503, count: 1 });
    await approver.goto(`/requests/${number}`);
    await approver.getByLabel("Comment").fill("Use the shared runner pool instead");
    await approver.getByRole("button", { name: "Reject…" }).click();
    await approver.getByRole("button", { name: "Yes, reject" }).click();
    await expect(approver.getByTestId("request-status")).toContainText("Rejected");

    const rejected = `Request #${number} was rejected`;
    const toLead = await expectOutboxMessage(lead, rejected, priyaUpn, /Sent/);
    await expect(toLead).toContainText("2 attempts");
    await toLead.locator("summary").click();
    await expect(toLead).toContainText("Alice Nguyen rejected your request");
    await expect(toLead).toContainText("Comment: Use the shared runner pool instead");
    await expectNoAxeViolations(lead);
    const mailToLead = (await emulatorControl.sentMail()).filter((mail) => mail.subject.includes(rejected));
    expect(mailToLead.map((mail) => mail.toRecipients.map((to) => to.address))).toEqual([[priyaUpn]]);
    // The lead sees only messages sent to them, not the approvers'.
    await expect(lead.getByTestId("outbox-message").filter({ hasText: awaiting })).toHaveCount(0);

    // The failed send changed nothing about the request.
    await lead.goto(`/requests/${number}`);
    await expect(lead.getByTestId("request-status")).toContainText("Rejected");
    await expect(lead.getByRole("link", { name: "aks-shared-dev" })).toHaveAttribute("href", `/clusters/${nonProduction}/rg-dev/aks-shared-dev`);
    await expect(lead.getByRole("link", { name: "Payments" })).toHaveAttribute("href", "/tenants/payments");
    await expect(lead.getByRole("link", { name: /Audit events with correlation id/ })).toHaveAttribute("href", /^\/audit\?correlation=[0-9a-f-]{36}$/);
    await expect(lead.getByRole("link", { name: "notification settings" })).toHaveAttribute("href", "/settings/notifications");
  });

  test("a person switches e-mail categories off and on, and the choice is kept", async ({ browser }) => {
    const page = await newPage(browser);
    await signInAsAlice(page, "/settings/notifications");
    await page.getByLabel("Changes to my tenants").uncheck();
    await page.getByLabel("One daily digest instead of one e-mail per new request").check();
    await page.getByRole("button", { name: "Save" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Your choices are saved." })).toBeVisible();
    await page.reload();
    await expect(page.getByLabel("Changes to my tenants")).not.toBeChecked();
    await expect(page.getByLabel("One daily digest instead of one e-mail per new request")).toBeChecked();
    // Back to the defaults, so a later run of this spec starts where it expects.
    await page.getByLabel("Changes to my tenants").check();
    await page.getByLabel("One daily digest instead of one e-mail per new request").uncheck();
    await page.getByRole("button", { name: "Save" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Your choices are saved." })).toBeVisible();
    await expectNoAxeViolations(page);

    // On a phone too: both pages stay usable and accessible at 390 px.
    await page.setViewportSize({ width: 390, height: 844 });
    await expectNoAxeViolations(page);
    await page.goto("/outbox");
    await expect(page.getByRole("heading", { level: 1, name: "Outbox" })).toBeVisible();
    await expectNoAxeViolations(page);
  });
});
