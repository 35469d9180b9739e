import { isDns1123Label } from "./environment-names";
import { isReservedNamespace, reservedNamespaces } from "./reserved-namespaces";

/**
 * A tenant's slug names its namespaces (`<slug>-<environment>`) and its labels, so it is a DNS-1123
 * label short enough to leave room for the environment (at most 20 characters and the dash within
 * Kubernetes' 63), and never a name the cluster itself owns.
 */
export const maxTenantSlugLength = 40;

/** Namespaces Kubernetes, AKS and common add-ons own (one list, in reserved-namespaces.ts); a tenant named like one would shadow it. */
export const reservedNames: readonly string[] = reservedNamespaces;

export type SlugCheck = { ok: true } | { ok: false; message: string };

export function isReservedName(name: string): boolean {
  return isReservedNamespace(name);
}

export function checkTenantSlug(slug: string): SlugCheck {
  if (slug === "") return { ok: false, message: "Enter a short name for the tenant, e.g. orion." };
  if (slug.length > maxTenantSlugLength) return { ok: false, message: `A tenant's short name has at most ${maxTenantSlugLength} characters (its namespaces add the environment's name).` };
  if (!isDns1123Label(slug)) return { ok: false, message: "Use lower-case letters, digits and '-', starting and ending with a letter or digit (a DNS-1123 label, e.g. orion or team-42)." };
  if (isReservedName(slug)) return { ok: false, message: `${slug} is reserved for the cluster itself; choose another name.` };
  return { ok: true };
}
