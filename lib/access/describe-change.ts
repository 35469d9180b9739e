import type { NamespaceAccessExtensionPayload, NamespaceAccessPayload } from "@/lib/requests/kinds";
import { accessDurations } from "./durations";
import { accessRoles } from "./roles";

/** How long a grant lasts, in the words of the duration choices when it is one of them. */
export function describeGrantLifetime(lifetimeSeconds: number | null, until?: string | null): string {
  if (until) return `until ${until.slice(0, 10)} ${until.slice(11, 16)} UTC`;
  if (lifetimeSeconds === null) return "until revoked";
  const choice = Object.values(accessDurations).find((duration) => duration.seconds === lifetimeSeconds);
  const length = choice ? choice.label : `${Math.round(lifetimeSeconds / 60)} minutes`;
  // The executor counts the lifetime from when the cluster first honours the grant (grant-effect-check.ts).
  return `for ${length} from when it takes effect`;
}

/** A namespace-access request in one sentence, for the request page, the list and the approver. */
export function describeAccessChange(change: NamespaceAccessPayload): string {
  const role = accessRoles[change.role].name;
  const where = change.namespace === null ? "the whole cluster" : `namespace ${change.namespace}`;
  const who = `${change.principal.type === "Group" ? "group" : "user"} ${change.principal.displayName}${change.principal.userPrincipalName ? ` (${change.principal.userPrincipalName})` : ""}`;
  return change.action === "grant"
    ? `Grant ${role} on ${where} to ${who}, ${describeGrantLifetime(change.lifetimeSeconds, change.expiresAt)}.`
    : `Revoke ${role} on ${where} from ${who}.`;
}

/** The end a grant extension moves to: fixed by the request, whenever it is applied. */
export function extendedExpiry(extension: Pick<NamespaceAccessExtensionPayload, "fromExpiresAt" | "extendBySeconds">): Date {
  return new Date(new Date(extension.fromExpiresAt).getTime() + extension.extendBySeconds * 1000);
}

export function describeAccessExtension(extension: NamespaceAccessExtensionPayload): string {
  const where = extension.namespace === null ? "the whole cluster" : `namespace ${extension.namespace}`;
  const choice = Object.values(accessDurations).find((duration) => duration.seconds === extension.extendBySeconds);
  const by = choice ? choice.label : `${Math.round(extension.extendBySeconds / 60)} minutes`;
  const iso = (value: string) => `${value.slice(0, 10)} ${value.slice(11, 16)} UTC`;
  return `Extend ${accessRoles[extension.role].name} on ${where} for ${extension.principal.displayName} by ${by}: from ${iso(extension.fromExpiresAt)} to ${iso(extendedExpiry(extension).toISOString())}.`;
}
