import { z } from "zod";
import { quotaResources } from "./quota";

/**
 * What an environment template says, as stored in `tenant_template.content` and copied into a
 * tenant-environment request's payload when it is asked for (so an approver decides on, and the
 * executor applies, the template as it was then, not as an admin has edited it since).
 */
export const podSecurityLevels = ["privileged", "baseline", "restricted"] as const;
export const taintEffects = ["NoSchedule", "PreferNoSchedule", "NoExecute"] as const;

const quotaShape = Object.fromEntries(quotaResources.map((resource) => [resource, z.string()])) as Record<(typeof quotaResources)[number], z.ZodString>;

export const templateContent = z.object({
  podSecurity: z.object({ enforce: z.enum(podSecurityLevels), warn: z.enum(podSecurityLevels), audit: z.enum(podSecurityLevels) }),
  quota: z.object(quotaShape),
  containerDefaults: z.object({ request: z.object({ cpu: z.string(), memory: z.string() }), limit: z.object({ cpu: z.string(), memory: z.string() }) }),
  placement: z
    .object({
      taint: z.object({ key: z.string(), value: z.string(), effect: z.enum(taintEffects) }),
      label: z.object({ key: z.string(), value: z.string() }),
    })
    .nullable(),
  workloadIdentity: z.object({ serviceAccount: z.string() }).nullable(),
  ingressNamespace: z.string().nullable().default(null),
});

export type TemplateContent = z.infer<typeof templateContent>;

/** A template's name: a DNS-1123 label, as it may show in labels and the environment's records. */
export const templateNamePattern = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
export const maxTemplateNameLength = 30;

/** The template as a request records it: its content with the label and description the approver saw. */
export const templateSnapshot = templateContent.extend({ label: z.string(), description: z.string() });
export type TemplateSnapshot = z.infer<typeof templateSnapshot>;
