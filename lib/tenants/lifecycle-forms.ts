import { z } from "zod";

/** The admin's "adopt a namespace" form; the tenant, cluster and namespace are looked up on the server. */
export const adoptionForm = z.object({
  tenantSlug: z.string().min(1).max(40),
  clusterId: z.string().min(1, "Choose a cluster."),
  namespace: z.string().trim().min(1, "Choose a namespace.").max(63, "A namespace name has at most 63 characters."),
  environment: z.string().trim().min(1, "Name the environment, e.g. dev or prod."),
});

/** The offboarding form: the delete policy and the tenant's slug typed again to confirm. */
export const offboardingForm = z.object({
  tenantSlug: z.string().min(1).max(40),
  deletePolicy: z.enum(["delete", "keep"], { error: "Choose whether to delete the namespaces or keep them." }),
  confirmation: z.string().trim().min(1, "Type the tenant's short name to confirm."),
  justification: z.string().trim().min(5, "Say why the tenant is offboarded (at least 5 characters).").max(1000, "Keep the reason under 1000 characters."),
});

/** Archive (a tenant without environments) also asks for the slug again: it cannot be undone from the portal. */
export const archiveForm = z.object({
  tenantSlug: z.string().min(1).max(40),
  confirmation: z.string().trim().min(1, "Type the tenant's short name to confirm."),
});
