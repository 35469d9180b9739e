import type { EmulatedClusterView } from "../contracts";
import type { JsonObject } from "./json";
import { groupVersionDocument, openApiIndex } from "./openapi/documents";
import { aggregatedDiscovery, aggregatedDiscoveryType, apiGroupDocument, apiGroupList, apiResourceList, apiVersions, versionInfo, wantsAggregatedDiscovery } from "./discovery";

export type DiscoveryAnswer = { body: JsonObject; contentType: string };

export type DiscoveryRequest = { path: string; accept: string | undefined; cluster: EmulatedClusterView; host: string; prefix: string };

/**
 * Non-resource GETs: version, discovery and OpenAPI v3. `/openapi/v2` is not served (404): kubectl
 * 1.32 reads v3 first and needs v2 only from servers without it.
 */
export function discoveryAnswer({ path, accept, cluster, host, prefix }: DiscoveryRequest): DiscoveryAnswer | undefined {
  const json = (body: JsonObject | undefined) => (body ? { body, contentType: "application/json" } : undefined);
  const segments = path.split("/").filter((segment) => segment !== "");
  if (path === "/version" || path === "/version/") return json(versionInfo(cluster));
  if (path === "/api" || path === "/api/") {
    return wantsAggregatedDiscovery(accept) ? { body: aggregatedDiscovery(true), contentType: aggregatedDiscoveryType } : json(apiVersions(host));
  }
  if (path === "/apis" || path === "/apis/") {
    return wantsAggregatedDiscovery(accept) ? { body: aggregatedDiscovery(false), contentType: aggregatedDiscoveryType } : json(apiGroupList());
  }
  if (path === "/openapi/v3" || path === "/openapi/v3/") return json(openApiIndex(prefix));
  if (segments[0] === "openapi" && segments[1] === "v3") {
    const [kind, group = "", version = ""] = segments.slice(2);
    if (kind === "api" && segments.length === 4) return json(groupVersionDocument("", group));
    if (kind === "apis" && segments.length === 5) return json(groupVersionDocument(group, version));
    return undefined;
  }
  if (segments[0] === "api" && segments.length === 2) return json(apiResourceList("", segments[1] ?? ""));
  if (segments[0] === "apis" && segments.length === 2) return json(apiGroupDocument(segments[1] ?? ""));
  if (segments[0] === "apis" && segments.length === 3) return json(apiResourceList(segments[1] ?? "", segments[2] ?? ""));
  return undefined;
}
