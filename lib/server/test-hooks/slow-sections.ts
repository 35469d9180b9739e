import "server-only";
import { env } from "@/lib/env";

/**
 * Test hook support (app/api/test-hooks/slow-section): the streamed sections of the portal's pages,
 * by name, which the e2e can make slow for a while to see their loading state between the page's
 * status and header and its data. Off (a no-op) unless test hooks are on, as in every installation.
 */
export const slowSectionNames = [
  "fleet-overview",
  "person-access",
  "cluster-overview",
  "cluster-access",
  "access-check",
  "ip-ranges",
  "request-detail",
  "tenant-list",
  "tenant-forms",
  "tenant-reapply",
  "notification-settings",
  "template-list",
  "template-editor",
] as const;

export type SlowSectionName = (typeof slowSectionNames)[number];

// On globalThis: the hook's route and the pages are separate bundles that must see one schedule.
const store = globalThis as typeof globalThis & { clusterdeskSlowSections?: Map<SlowSectionName, number> };
const schedule = (store.clusterdeskSlowSections ??= new Map());

export const isSlowSectionName = (value: unknown): value is SlowSectionName => slowSectionNames.includes(value as SlowSectionName);

/** Makes `section` wait until `milliseconds` from now whenever it is rendered (test hooks only). */
export function slowSectionFor(section: SlowSectionName, milliseconds: number): void {
  if (!env().testHooks) return;
  schedule.set(section, Date.now() + milliseconds);
}

/** Awaited at the start of a streamed section; returns at once unless the hook slowed it. */
export async function slowSection(section: SlowSectionName): Promise<void> {
  if (!env().testHooks) return;
  const wait = (schedule.get(section) ?? 0) - Date.now();
  if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
}
