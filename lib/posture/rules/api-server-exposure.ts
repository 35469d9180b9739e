import { isBroadRange, parseAuthorizedIpRange, formatRange } from "@/lib/cidr";
import { azTarget } from "../az";
import type { PostureRule } from "../types";

function broadRanges(ranges: readonly string[]): string[] {
  return ranges.flatMap((text) => {
    const parsed = parseAuthorizedIpRange(text);
    return parsed.ok && isBroadRange(parsed.range) ? [formatRange(parsed.range)] : [];
  });
}

/**
 * Seed, "Private clusters": with a public API server "anyone who knows the URL … will be able to access
 * our cluster" and a leaked kubeconfig is enough; either filter the IPs that may reach it or make it private.
 */
export const apiServerExposure: PostureRule = {
  id: "api-server-exposure",
  title: "API server not open to the internet",
  severity: "high",
  why: "A public API server without an allow-list can be reached from anywhere: every leaked kubeconfig or credential becomes usable from any network. Authorized IP ranges limit who can even try; a private cluster keeps the API server off the internet entirely.",
  fix: (cluster) =>
    `Allow only known networks: az aks update ${azTarget(cluster)} --api-server-authorized-ip-ranges <cidr>[,<cidr>…] (or request ranges in Clusterdesk), or move to a private cluster.`,
  docsUrl: "https://learn.microsoft.com/azure/aks/api-server-authorized-ip-ranges",
  evaluate: (cluster) => {
    const access = cluster.apiServerAccess;
    if (access.privateCluster) return { status: "pass", detail: "Private cluster: the API server has only a private IP address." };
    if (access.authorizedIpRanges.length === 0) {
      return { status: "fail", detail: "The API server is public and accepts connections from any IP address." };
    }
    const broad = broadRanges(access.authorizedIpRanges);
    if (broad.length > 0) {
      return { status: "fail", detail: `The API server is public and its allow-list includes ${broad.join(", ")}, which lets a large part of the internet (or all of it) through.` };
    }
    return { status: "pass", detail: `The public API server accepts connections only from ${access.authorizedIpRanges.length} authorized IP range(s).` };
  },
};
