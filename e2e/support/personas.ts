import { expect, type Page } from "@playwright/test";

/** Demo users of the emulator's seeded organisation (emulator/seed/organisation.ts). */
export const personas = {
  admin: { name: "Alex Admin", upn: "alex.admin@clusterdesk-demo.onmicrosoft.com" },
  paymentsLead: { name: "Priya Patel", upn: "priya.patel@clusterdesk-demo.onmicrosoft.com" },
  searchLead: { name: "Sofia Rossi", upn: "sofia.rossi@clusterdesk-demo.onmicrosoft.com" },
  auditor: { name: "Olu Adeyemi", upn: "olu.adeyemi@clusterdesk-demo.onmicrosoft.com" },
  member: { name: "Max Müller", upn: "max.mueller@clusterdesk-demo.onmicrosoft.com" },
  overage: { name: "Gwen Manygroups", upn: "gwen.manygroups@clusterdesk-demo.onmicrosoft.com" },
  analyticsLead: { name: "Dana Okafor", upn: "dana.okafor@clusterdesk-demo.onmicrosoft.com" },
} as const;

export type Persona = keyof typeof personas;

/**
 * Signs in through the real flow: Clusterdesk → MSAL authorization request → the emulator's Entra
 * sign-in page → code redemption → session cookie. No test-only shortcut exists.
 */
export async function signInAs(page: Page, persona: Persona, path = "/"): Promise<void> {
  await page.goto(path);
  await expect(page).toHaveURL(/\/sign-in\?returnTo=/);
  await page.getByRole("link", { name: "Sign in with Microsoft Entra ID" }).click();
  await page.getByRole("button", { name: new RegExp(personas[persona].name) }).click();
  await expect(page.getByTestId("signed-in-user")).toHaveText(personas[persona].name);
}
