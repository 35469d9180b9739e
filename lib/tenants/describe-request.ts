import type { TenantEnvironmentPayload } from "@/lib/requests/kinds";
import { requestedTemplate } from "./requested-template";

/** A tenant-environment request as one sentence, for the request page and lists. */
export function describeEnvironmentRequest(payload: TenantEnvironmentPayload): string {
  const label = requestedTemplate(payload)?.label ?? payload.template;
  return `Environment ${payload.environment} of tenant ${payload.tenantSlug}: namespace ${payload.namespace} from the ${label} template (namespace with Pod Security labels, quota, limit range, network policies and role bindings for the tenant's groups).`;
}
