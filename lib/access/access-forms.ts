import { z } from "zod";
import { extensionChoices, type GrantDurationChoice, grantDurationChoices, untilDateProblem } from "./durations";
import { type AccessRole, accessRoleKeys } from "./roles";
import { namespaceNamePattern } from "./scope";

/** The grant form, validated the same way on every submit; the server then looks everything up itself. */
export const grantAccessForm = z
  .object({
  role: z.enum(accessRoleKeys as [AccessRole, ...AccessRole[]], { error: "Choose a role." }),
  /** Empty = the whole cluster (admins only). */
  namespace: z
    .string()
    .trim()
    .refine((value) => value === "" || namespaceNamePattern.test(value), "Choose a namespace."),
  principalId: z.uuid({ error: "Choose a user or group (an Entra object id)." }).transform((id) => id.toLowerCase()),
  duration: z.enum(grantDurationChoices as unknown as [GrantDurationChoice, ...GrantDurationChoice[]], { error: "Choose how long the access lasts." }),
  /** For "until a date": the end as an ISO time (the browser converts its local date and time, so the time zone is the requester's). */
  expiresAt: z.string().optional(),
  justification: z.string().trim().min(5, "Say why the access is needed (at least 5 characters).").max(1000, "Keep the reason under 1000 characters."),
  applyNow: z.enum(["on"]).optional(),
})
  .transform((form, context) => {
    if (form.duration !== "until") return { ...form, expiresAt: null };
    const until = form.expiresAt ? new Date(form.expiresAt) : null;
    const problem = untilDateProblem(until, new Date());
    if (problem || !until) {
      context.addIssue({ code: "custom", path: ["expiresAt"], message: problem ?? "Choose the date and time the access ends." });
      return z.NEVER;
    }
    return { ...form, expiresAt: until };
  });

export const revokeAccessForm = z.object({
  grantId: z.uuid({ error: "The form does not name a grant. Reload the page and try again." }),
  justification: z.string().trim().min(5, "Say why the access should end (at least 5 characters).").max(1000, "Keep the reason under 1000 characters."),
});


export const extendAccessForm = z.object({
  grantId: z.uuid({ error: "The form does not name a grant. Reload the page and try again." }),
  extendBy: z.enum(extensionChoices, { error: "Choose how much longer the access lasts." }),
  justification: z.string().trim().min(5, "Say why the access is needed for longer (at least 5 characters).").max(1000, "Keep the reason under 1000 characters."),
});
