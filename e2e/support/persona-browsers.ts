import { type Browser, type BrowserContext, type Page, test } from "@playwright/test";
import { waitForInventory } from "./inventory";
import { type Persona, signInAs } from "./personas";

/**
 * One browser context per persona, closed after each test so no page keeps polling into the next
 * spec. `as` signs in, waits until the inventory lists aks-shared-dev (cluster pages read it), then
 * opens `path`. Call at the top of a spec file: it registers the afterEach hook.
 */
export function personaBrowsers() {
  const contexts: BrowserContext[] = [];
  test.afterEach(async () => {
    await Promise.all(contexts.splice(0).map((context) => context.close()));
  });
  return {
    async as(browser: Browser, persona: Persona, path: string): Promise<Page> {
      const context = await browser.newContext();
      contexts.push(context);
      const page = await context.newPage();
      await signInAs(page, persona, "/clusters");
      await waitForInventory(page, "aks-shared-dev");
      await page.goto(path);
      return page;
    },
  };
}
