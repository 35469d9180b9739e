import { z } from "zod";
import { parseAuthorizedIpRange, formatRange } from "@/lib/cidr";
import { type ExpiryChoice, expiryChoices } from "./expiry-choices";

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

/** The lifetime a request stores for the chosen expiry; the clock starts when the range is applied. */
export function lifetimeSecondsFor(choice: ExpiryChoice): number | null {
  const { ms } = expiryChoices[choice];
  return ms === null ? null : ms / 1000;
}

export function expiresAtAfter(lifetimeSeconds: number | null, appliedAt: Date): Date | null {
  return lifetimeSeconds === null ? null : new Date(appliedAt.getTime() + lifetimeSeconds * 1000);
}

/** "8 hours", "7 days", "90 minutes": how a stored lifetime reads on the request page. */
export function describeLifetime(lifetimeSeconds: number): string {
  const choice = Object.values(expiryChoices).find((candidate) => candidate.ms === lifetimeSeconds * 1000);
  if (choice) return choice.label;
  const units: [number, string][] = [[86_400, "day"], [3_600, "hour"], [60, "minute"], [1, "second"]];
  const [size, name] = units.find(([unit]) => lifetimeSeconds % unit === 0) ?? [1, "second"];
  const count = lifetimeSeconds / size;
  return `${count} ${name}${count === 1 ? "" : "s"}`;
}
