import { z } from "zod";
import { parseAuthorizedIpRange, formatRange } from "@/lib/cidr";

/** How long a requested range stays before Clusterdesk removes it again. */
export const expiryChoices = {
  "8h": { label: "8 hours", ms: 8 * 60 * 60 * 1000 },
  "1d": { label: "1 day", ms: 24 * 60 * 60 * 1000 },
  "7d": { label: "7 days", ms: 7 * 24 * 60 * 60 * 1000 },
  "30d": { label: "30 days", ms: 30 * 24 * 60 * 60 * 1000 },
  never: { label: "No expiry", ms: null },
} as const;
export type ExpiryChoice = keyof typeof expiryChoices;

const range = z.string().transform((input, context) => {
  const parsed = parseAuthorizedIpRange(input);
  if (!parsed.ok) {
    context.addIssue({ code: "custom", message: parsed.message });
    return z.NEVER;
  }
  return formatRange(parsed.range);
});

/** The "add a range" form, validated the same way in the browser's round trip and on the server. */
export const addRangeForm = z.object({
  range,
  owner: z.string().trim().max(200, "Keep the owner under 200 characters.").default(""),
  justification: z.string().trim().min(5, "Say why the range is needed (at least 5 characters).").max(1000, "Keep the reason under 1000 characters."),
  expiry: z.enum(Object.keys(expiryChoices) as [ExpiryChoice, ...ExpiryChoice[]], { error: "Choose how long the range should stay." }),
  applyNow: z.enum(["on"]).optional(),
});

export const removeRangeForm = z.object({
  range,
  justification: z.string().trim().min(5, "Say why the range should go (at least 5 characters).").max(1000),
  applyNow: z.enum(["on"]).optional(),
});

export function expiresAtFor(choice: ExpiryChoice, now = new Date()): Date | null {
  const { ms } = expiryChoices[choice];
  return ms === null ? null : new Date(now.getTime() + ms);
}
