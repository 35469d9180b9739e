import type { PostureRule } from "../types";
import { apiServerExposure } from "./api-server-exposure";
import { azurePolicy } from "./azure-policy";
import { azureRbac } from "./azure-rbac";
import { entraIntegration } from "./entra-integration";
import { kubernetesRbac } from "./kubernetes-rbac";
import { kubernetesVersion } from "./kubernetes-version";
import { localAccountsDisabled } from "./local-accounts";
import { networkPolicy } from "./network-policy";
import { oidcIssuer } from "./oidc-issuer";
import { podSecurityAdmission } from "./pod-security-admission";
import { workloadIdentity } from "./workload-identity";

/** In the order the seed discusses them: exposure, identity, networking, pod identity, container security. */
export const postureRules: readonly PostureRule[] = [
  apiServerExposure,
  entraIntegration,
  kubernetesRbac,
  azureRbac,
  localAccountsDisabled,
  networkPolicy,
  workloadIdentity,
  oidcIssuer,
  azurePolicy,
  podSecurityAdmission,
  kubernetesVersion,
];
