import { expect, test } from "@playwright/test";
import { personas, signInAs } from "./support/personas";

/** Paths that URL parsing turns into `//evil.example`, which a browser reads as another host. */
const crafted = ["/.//evil.example", "/..//evil.example", "/%2e%2e//evil.example", "/a/..//evil.example", "/./\\evil.example"];

test.describe("return path after sign-in", () => {
  test("a signed-in visit to /sign-in with a crafted returnTo redirects on the portal", async ({ page, baseURL }) => {
    if (!baseURL) throw new Error("no baseURL");
    await signInAs(page, "member");
    for (const returnTo of crafted) {
      const response = await page.request.get(`/sign-in?returnTo=${encodeURIComponent(returnTo)}`, { maxRedirects: 0 });
      expect(response.status(), returnTo).toBe(307);
      const location = response.headers()["location"] ?? "";
      expect(location, returnTo).toBe("/");
      expect(new URL(location, baseURL).origin).toBe(new URL(baseURL).origin);
    }
  });

  for (const start of ["/sign-in", "/auth/login"]) {
    test(`signing in from a crafted ${start} link ends on the portal, not on the other host`, async ({ page, baseURL }) => {
      if (!baseURL) throw new Error("no baseURL");
      await page.goto(`${start}?returnTo=${encodeURIComponent("/.//evil.example")}`);
      if (start === "/sign-in") await page.getByRole("link", { name: "Sign in with Microsoft Entra ID" }).click();
      await page.getByRole("button", { name: new RegExp(personas.member.name) }).click();
      await expect(page.getByTestId("signed-in-user")).toHaveText(personas.member.name);
      expect(new URL(page.url()).origin).toBe(new URL(baseURL).origin);
    });
  }
});
