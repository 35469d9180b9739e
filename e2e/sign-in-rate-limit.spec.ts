import { expect, test } from "@playwright/test";

test("a client hammering /auth/login and /auth/callback gets 429 with Retry-After and a readable page", async ({ playwright, baseURL }) => {
  if (!baseURL) throw new Error("no baseURL");
  // Another loopback address is another client, so the rest of the suite keeps its own allowance.
  const client = await playwright.request.newContext({ baseURL: `http://127.0.0.2:${new URL(baseURL).port}` });
  for (const endpoint of ["/auth/login?returnTo=%2F", "/auth/callback?code=forged&state=forged"]) {
    const statuses: number[] = [];
    for (let index = 0; index < 40; index += 1) statuses.push((await client.get(endpoint, { maxRedirects: 0 })).status());
    expect(statuses.slice(0, 30), endpoint).toEqual(Array.from({ length: 30 }, () => 303));
    expect(statuses.slice(30), endpoint).toContain(429);

    const refused = await client.get(endpoint, { maxRedirects: 0 });
    expect(refused.status()).toBe(429);
    expect(refused.headers()["retry-after"]).toMatch(/^[1-9]\d*$/);
    expect(await refused.text()).toContain("Too many sign-in attempts");
  }
  await client.dispose();
});
