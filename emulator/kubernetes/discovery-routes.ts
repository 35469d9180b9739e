import type { EmulatedClusterView } from "../contracts";
import type { JsonObject } from "./json";
import { aggregatedDiscovery, aggregatedDiscoveryType, apiGroupDocument, apiGroupList, apiResourceList, apiVersions, versionInfo, wantsAggregatedDiscovery } from "./discovery";

export type DiscoveryAnswer = { body: JsonObject; contentType: string };

/**
 * Non-resource GETs: version and discovery. `/openapi/v2` and `/openapi/v3` are not served (404),
 * which kubectl tolerates for get and server-side apply; client-side `kubectl apply` needs
 * `--validate=false`.
 */
export function discoveryAnswer(path: string, accept: string | undefined, cluster: EmulatedClusterView, host: string): DiscoveryAnswer | undefined {
  const json = (body: JsonObject | undefined) => (body ? { body, contentType: "application/json" } : undefined);
  const segments = path.split("/").filter((segment) => segment !== "");
  if (path === "/version" || path === "/version/") return json(versionInfo(cluster));
  if (path === "/api" || path === "/api/") {
    return wantsAggregatedDiscovery(accept) ? { body: aggregatedDiscovery(true), contentType: aggregatedDiscoveryType } : json(apiVersions(host));
  }
  if (path === "/apis" || path === "/apis/") {
    return wantsAggregatedDiscovery(accept) ? { body: aggregatedDiscovery(false), contentType: aggregatedDiscoveryType } : json(apiGroupList());
  }
  if (segments[0] === "api" && segments.length === 2) return json(apiResourceList("", segments[1] ?? ""));
  if (segments[0] === "apis" && segments.length === 2) return json(apiGroupDocument(segments[1] ?? ""));
  if (segments[0] === "apis" && segments.length === 3) return json(apiResourceList(segments[1] ?? "", segments[2] ?? ""));
  return undefined;
}
