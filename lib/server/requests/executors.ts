import "server-only";
import { foundAccessRevocationExecutor, namespaceAccessAdoptionExecutor } from "@/lib/server/access/found-access-executors";
import { grantExtensionExecutor } from "@/lib/server/access/grant-extension-executor";
import { namespaceAccessExecutor } from "@/lib/server/access/namespace-access-executor";
import { authorizedIpRangesExecutor } from "@/lib/server/network/authorized-ip-ranges-executor";
import { tenantEnvironmentExecutor } from "@/lib/server/tenants/environment-executor";
import { tenantOffboardingExecutor } from "@/lib/server/tenants/offboarding-executor";
import { tenantCreateExecutor } from "@/lib/server/tenants/tenant-create-executor";
import type { ChangeExecutor } from "./executor";

/** The executor of each request kind. Kinds without one fail visibly instead of being ignored. */
export function changeExecutors(): Record<string, ChangeExecutor> {
  return {
    "authorized-ip-ranges": authorizedIpRangesExecutor(),
    "namespace-access": namespaceAccessExecutor(),
    "namespace-access-extension": grantExtensionExecutor(),
    "tenant-environment": tenantEnvironmentExecutor(),
    "tenant-create": tenantCreateExecutor(),
    "tenant-offboarding": tenantOffboardingExecutor(),
    "namespace-access-adoption": namespaceAccessAdoptionExecutor(),
    "found-access-revocation": foundAccessRevocationExecutor(),
  };
}
