/**
 * Names of tenant environments. A namespace is a DNS-1123 label (lower-case alphanumerics and '-',
 * starting and ending alphanumeric, at most 63 characters); Clusterdesk names it `<tenant>-<environment>`.
 */

import { isReservedNamespace } from "./reserved-namespaces";

export { isReservedNamespace, reservedNamespaces } from "./reserved-namespaces";

const dns1123Label = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

export const maxEnvironmentNameLength = 20;

export type NameCheck = { ok: true } | { ok: false; message: string };

export function isDns1123Label(value: string): boolean {
  return value.length <= 63 && dns1123Label.test(value);
}

/** An environment's short name (dev, test, prod…): a DNS-1123 label of at most 20 characters. */
export function checkEnvironmentName(name: string): NameCheck {
  if (name === "") return { ok: false, message: "Enter an environment name, e.g. dev or prod." };
  if (name.length > maxEnvironmentNameLength) return { ok: false, message: `An environment name has at most ${maxEnvironmentNameLength} characters.` };
  if (!dns1123Label.test(name)) {
    return { ok: false, message: "Use lower-case letters, digits and '-', starting and ending with a letter or digit (e.g. dev, prod, qa-2)." };
  }
  return { ok: true };
}

export function environmentNamespace(tenantSlug: string, environmentName: string): string {
  return `${tenantSlug}-${environmentName}`;
}

/** Whether `<slug>-<environment>` can be a tenant's namespace. */
export function checkNamespace(namespace: string): NameCheck {
  if (!isDns1123Label(namespace)) {
    return { ok: false, message: `The namespace ${namespace} would not be a valid Kubernetes name (DNS-1123 label, at most 63 characters).` };
  }
  if (isReservedNamespace(namespace)) return { ok: false, message: `${namespace} is reserved for the cluster itself.` };
  return { ok: true };
}
