import type { Json, JsonObject } from "../json";
import type { ResourceRequest } from "../request-info";
import type { ClusterStore } from "../store";
import type { AccessAttributes, Requester } from "../authz/attributes";
import type { Decision } from "../authz/authorizer";

/** What a resource handler gets: the parsed request, the cluster's store and the caller. */
export type HandlerContext = {
  store: ClusterStore;
  info: ResourceRequest;
  query: URLSearchParams;
  contentType: string;
  userAgent: string;
  requester: Requester;
  readBody: () => Promise<Buffer>;
  /** Sent back as `Warning: 299 - "…"` headers, as the API server reports dropped fields. */
  warnings: string[];
  /** The authorization engine, for access reviews. */
  decide: (requester: Requester, attributes: AccessAttributes) => Decision;
  /** The Kubernetes RBAC rules that apply to a requester in a namespace, for rules reviews. */
  rulesFor: (requester: Requester, namespace: string) => { rules: JsonObject[]; incomplete: boolean };
};

export type HandlerResult = { status: number; body: Json | JsonObject };
