import { z } from "zod";

/** Adopting or revoking one entry found on a cluster: the entry and why. Server actions only (zod stays out of client bundles). */
export const foundAccessForm = z.object({
  entryId: z.uuid({ error: "The form does not name an entry. Reload the page and try again." }),
  justification: z.string().trim().min(5, "Say why (at least 5 characters).").max(1000, "Keep the reason under 1000 characters."),
});
