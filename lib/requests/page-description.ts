import type { PortalRole } from "@/lib/auth/policy";

/** The requests page's description for the reader: an auditor asks for nothing and sees every team's requests. */
export function requestsPageDescription(roles: readonly PortalRole[]): string {
  if (roles.includes("admin")) return "Changes asked for by team leads: decide on pending ones, follow and retry the rest.";
  if (roles.includes("auditor")) return "Every change request across the fleet, read-only: who asked, who decided, and where each stands.";
  return "Changes you and your teams asked for, and where they stand.";
}
