/**
 * How long a requested range stays before Clusterdesk removes it again. Kept apart from the zod
 * schemas in `ip-range-request.ts`: the add-range form (a client component) needs only these
 * labels, and importing the schemas would ship zod and ipaddr.js to the browser (about 36 KB gzipped).
 */
export const expiryChoices = {
  "8h": { label: "8 hours", ms: 8 * 60 * 60 * 1000 },
  "1d": { label: "1 day", ms: 24 * 60 * 60 * 1000 },
  "7d": { label: "7 days", ms: 7 * 24 * 60 * 60 * 1000 },
  "30d": { label: "30 days", ms: 30 * 24 * 60 * 60 * 1000 },
  never: { label: "No expiry", ms: null },
} as const;

export type ExpiryChoice = keyof typeof expiryChoices;
