import { z } from "zod";
import { checkEnvironmentName } from "./environment-names";
import { maxTemplateNameLength, templateNamePattern } from "./template-content";

/** The "request an environment" form, as submitted. The tenant and cluster are looked up on the server. */
export const environmentRequestForm = z.object({
  tenantSlug: z.string().min(1).max(40),
  environment: z
    .string()
    .trim()
    .superRefine((value, context) => {
      const check = checkEnvironmentName(value);
      if (!check.ok) context.addIssue({ code: "custom", message: check.message });
    }),
  clusterId: z.string().min(1, "Choose a cluster."),
  // Looked up on the server among the templates not archived.
  template: z.string({ error: "Choose a template." }).trim().max(maxTemplateNameLength, "Choose a template.").regex(templateNamePattern, "Choose a template."),
  justification: z.string().trim().min(5, "Say what the environment is for (at least 5 characters).").max(1000, "Keep the reason under 1000 characters."),
  applyNow: z.literal("on").optional(),
});

export type EnvironmentRequestForm = z.infer<typeof environmentRequestForm>;
