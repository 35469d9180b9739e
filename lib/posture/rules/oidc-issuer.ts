import { azTarget } from "../az";
import type { PostureRule } from "../types";

export const oidcIssuer: PostureRule = {
  id: "oidc-issuer",
  title: "OIDC issuer enabled",
  severity: "low",
  why: "The OIDC issuer publishes the keys that sign service-account tokens, which lets Entra ID trust them: it is what workload identity federation is built on, so pods never need stored secrets.",
  fix: (cluster) => `az aks update ${azTarget(cluster)} --enable-oidc-issuer`,
  docsUrl: "https://learn.microsoft.com/azure/aks/use-oidc-issuer",
  evaluate: (cluster) =>
    cluster.workloadIdentity.oidcIssuerEnabled
      ? { status: "pass", detail: "The OIDC issuer is enabled." }
      : { status: "fail", detail: "The OIDC issuer is disabled." },
};
