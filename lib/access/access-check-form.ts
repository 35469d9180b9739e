import { z } from "zod";
import { type CheckResource, type CheckVerb, checkResourceNames, checkVerbs } from "./access-check";
import { namespaceNamePattern } from "./scope";

/** The access check's form; the server then looks up the cluster, the namespace's tenant and the person itself. */
export const accessCheckForm = z.object({
  person: z
    .string()
    .trim()
    .min(1, "Enter an Entra object id, or a user's UPN or e-mail address.")
    .max(256, "That is longer than any object id, UPN or e-mail address.")
    .refine((value) => !/[\s/\\?#]/.test(value), "Enter an Entra object id, or a user's UPN or e-mail address, without spaces."),
  namespace: z.string().trim().regex(namespaceNamePattern, "Choose a namespace."),
  verb: z.enum(checkVerbs as unknown as [CheckVerb, ...CheckVerb[]], { error: "Choose a verb." }),
  resource: z.enum(checkResourceNames as [CheckResource, ...CheckResource[]], { error: "Choose a resource." }),
});
