import "server-only";
import type { z } from "zod";
import type { Principal } from "@/lib/auth/policy";
import { parseClusterResourceId } from "@/lib/clusters/resource-id";
import type { RangeFormState } from "./form-state";

/** The cluster a form names, accepted only in resource-id form; the server then looks it up itself. */
export function clusterIdFrom(formData: FormData): string | undefined {
  const value = formData.get("clusterId");
  return typeof value === "string" && parseClusterResourceId(value) ? value : undefined;
}

export function submittedValues(formData: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [name, value] of formData) if (typeof value === "string" && !name.startsWith("$")) values[name] = value;
  return values;
}

export function fieldErrorsOf(error: z.ZodError, formData: FormData): RangeFormState {
  const fieldErrors: Record<string, string> = {};
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? "form");
    fieldErrors[field] ??= issue.message;
  }
  return { status: "error", message: "Check the highlighted fields.", fieldErrors, values: submittedValues(formData) };
}

export function outcomeMessage(number: number, status: string): string {
  return status === "approved"
    ? `Request #${number} is approved and being applied.`
    : `Request #${number} is waiting for a platform admin's approval.`;
}

/**
 * The tenant a request is made for: on a shared cluster, the first of the requester's tenants the
 * cluster hosts (null for an admin who owns none); its leads then see the request, nobody else's do.
 */
export function requestingTenant(principal: Principal, hostedTenantIds: readonly string[]): string | null {
  return hostedTenantIds.find((id) => principal.ownedTenantIds.includes(id)) ?? null;
}
