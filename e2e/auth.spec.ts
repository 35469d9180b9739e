import { expect, test } from "@playwright/test";
import { type Persona, personas, signInAs } from "./support/personas";

const portalPages = ["/", "/clusters", "/requests", "/tenants", "/access", "/audit"];

test.describe("sign-in", () => {
  for (const persona of ["admin", "paymentsLead", "auditor"] as const satisfies readonly Persona[]) {
    test(`${persona} signs in through Entra ID, sees their name, signs out, and the old cookie stops working`, async ({ page, browser, baseURL }) => {
      await signInAs(page, persona, "/requests");
      await expect(page).toHaveURL(/\/requests$/);
      const session = (await page.context().cookies()).find((cookie) => cookie.name.endsWith("clusterdesk-session"));
      expect(session?.httpOnly).toBe(true);
      expect(session?.sameSite).toBe("Lax");

      await page.getByRole("button", { name: "Sign out" }).click();
      await expect(page.getByRole("heading", { name: "You are signed out" })).toBeVisible();

      // Replay the old cookie in a fresh browser: the server session is gone.
      const replay = await browser.newContext({ baseURL });
      if (!session) throw new Error("no session cookie was set");
      await replay.addCookies([session]);
      const other = await replay.newPage();
      await other.goto("/requests");
      await expect(other).toHaveURL(/\/sign-in\?returnTo=%2Frequests/);
      await replay.close();
    });
  }

  test("signed out, every portal page sends you to sign in and back", async ({ page }) => {
    for (const path of portalPages) {
      await page.goto(path);
      await expect(page).toHaveURL(new RegExp(`/sign-in\\?returnTo=${encodeURIComponent(path).replace(/[/]/g, "\\/")}$`));
    }
    await page.getByRole("link", { name: "Sign in with Microsoft Entra ID" }).click();
    await page.getByRole("button", { name: new RegExp(personas.admin.name) }).click();
    await expect(page).toHaveURL(/\/audit$/);
  });

  test("a member who owns no tenant opening the audit page gets a 403 page", async ({ page }) => {
    await signInAs(page, "member");
    const response = await page.goto("/audit");
    expect(response?.status()).toBe(403);
    await expect(page.getByRole("heading", { name: "You do not have access to this page" })).toBeVisible();
  });

  test("a user in too many groups for the token is resolved through Microsoft Graph", async ({ page }) => {
    // Gwen's token carries the groups-overage claim; she is an auditor only through Graph.
    await signInAs(page, "overage");
    await expect(page.getByText("Auditor")).toBeVisible();
    const response = await page.goto("/audit");
    expect(response?.status()).toBe(200);
  });

  test("a forged or replayed callback is refused with an explanation", async ({ page }) => {
    await page.goto("/auth/callback?code=forged&state=forged");
    await expect(page).toHaveURL(/\/sign-in\?error=expired$/);
    await expect(page.getByRole("alert").filter({ hasText: "Please sign in again" })).toBeVisible();
  });

  test("sends security headers with a per-request script nonce", async ({ request }) => {
    const first = await request.get("/sign-in");
    const second = await request.get("/sign-in");
    const policy = first.headers()["content-security-policy"] ?? "";
    expect(policy).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'/);
    expect(policy).not.toMatch(/script-src[^;]*'unsafe-inline'/);
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).not.toBe(second.headers()["content-security-policy"]);
    expect(first.headers()["referrer-policy"]).toBe("strict-origin-when-cross-origin");
    expect(first.headers()["permissions-policy"]).toContain("camera=()");
  });
});
