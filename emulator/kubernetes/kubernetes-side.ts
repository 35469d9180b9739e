import type { IncomingMessage, ServerResponse } from "node:http";
import type { AzureSideForKubernetes, ClusterKey, EmulatedClusterView, KubernetesSide, KubernetesSideFactory } from "../contracts";
import type { AccessAttributes, Requester } from "./authz/attributes";
import { authenticateBearer } from "./authz/authenticate";
import { authorize, type Decision } from "./authz/authorizer";
import { impersonatedRequester } from "./authz/impersonation";
import { rbacRulesFor, type RbacObjects } from "./authz/kubernetes-rbac";
import { forbiddenMessage } from "./authz/forbidden-message";
import { discoveryAnswer } from "./discovery-routes";
import { resourceNotFound } from "./handlers/dispatch";
import { respond } from "./respond";
import { readBody, sendError, sendJson } from "./http";
import { requestInfo, type RequestInfo } from "./request-info";
import { findResourceType } from "./resources";
import { namespacesForArm } from "./managed-namespaces";
import { seedCluster } from "./seed";
import { forbidden, KubeError, unauthorized } from "./status";
import { ClusterStore } from "./store";

function clusterId(key: ClusterKey): string {
  return `${key.subscriptionId}/${key.resourceGroup}/${key.name}`.toLowerCase();
}

function attributesOf(info: RequestInfo): AccessAttributes {
  if (info.kind === "resource") {
    return { verb: info.verb, resourceRequest: true, apiGroup: info.type.group, resource: info.type.resource, subresource: info.subresource, namespace: info.namespace, name: info.name, path: "" };
  }
  if (info.kind === "unknown") {
    return { verb: info.verb, resourceRequest: true, apiGroup: info.group, resource: info.resource, subresource: "", namespace: "", name: "", path: info.path };
  }
  return { verb: info.verb, resourceRequest: false, apiGroup: "", resource: "", subresource: "", namespace: "", name: "", path: info.path };
}

function rbacObjects(store: ClusterStore, namespace: string): RbacObjects {
  const type = (resource: string) => findResourceType("rbac.authorization.k8s.io", "v1", resource);
  const list = (resource: string, ns: string) => {
    const found = type(resource);
    return found ? store.list(found, ns) : [];
  };
  return {
    clusterRoles: list("clusterroles", ""),
    clusterRoleBindings: list("clusterrolebindings", ""),
    roles: namespace ? list("roles", namespace) : [],
    roleBindings: namespace ? list("rolebindings", namespace) : [],
  };
}

/**
 * One Kubernetes API server per emulated cluster. Stores are seeded lazily on a cluster's first
 * request, so clusters the ARM side creates later get a fresh seeded API server too.
 */
export const createKubernetesSide: KubernetesSideFactory = (azure: AzureSideForKubernetes): KubernetesSide => {
  const stores = new Map<string, ClusterStore>();

  const storeOf = (cluster: EmulatedClusterView): ClusterStore => {
    const id = clusterId(cluster);
    const existing = stores.get(id);
    if (existing) return existing;
    const store = new ClusterStore();
    seedCluster(store, cluster);
    stores.set(id, store);
    return store;
  };

  const decide = (cluster: EmulatedClusterView, store: ClusterStore, requester: Requester, attributes: AccessAttributes): Decision =>
    authorize({ azure, cluster, rbac: rbacObjects(store, attributes.namespace) }, requester, attributes);

  async function serve(request: IncomingMessage, response: ServerResponse, cluster: EmulatedClusterView, path: string): Promise<void> {
    const header = request.headers.authorization ?? "";
    const token = /^Bearer\s+(\S+)$/i.exec(header)?.[1];
    const authenticated = token ? await authenticateBearer(azure, cluster, token) : null;
    if (!authenticated) throw unauthorized();

    const url = new URL(path, "https://kubernetes.invalid");
    const method = request.method ?? "GET";
    const info = requestInfo(method, url.pathname, url.searchParams);
    const store = storeOf(cluster);
    const requester = impersonatedRequester(authenticated, request.headers, request.headersDistinct, (check) => decide(cluster, store, authenticated, check));
    const attributes = attributesOf(info);
    const decision = decide(cluster, store, requester, attributes);
    if (!decision.allowed) {
      const why = forbiddenMessage(requester.name, attributes, decision.reason);
      if (info.kind === "nonResource") throw new KubeError(403, "Forbidden", `forbidden: ${why}`, {});
      throw forbidden({ group: attributes.apiGroup, resource: attributes.resource }, attributes.name, why);
    }

    if (info.kind === "nonResource") {
      const prefix = new URL(request.url ?? "/", "https://kubernetes.invalid").pathname.slice(0, -url.pathname.length || undefined);
      const discovery = { path: url.pathname, accept: request.headers.accept, cluster, host: request.headers.host ?? "", prefix };
      const answer = method === "GET" ? discoveryAnswer(discovery) : undefined;
      if (!answer) throw resourceNotFound();
      return sendJson(response, 200, answer.body, answer.contentType);
    }
    if (info.kind === "unknown") throw resourceNotFound();
    await respond(request, response, {
      warnings: [],
      store,
      info,
      query: url.searchParams,
      contentType: request.headers["content-type"] ?? "application/json",
      userAgent: request.headers["user-agent"] ?? "",
      requester,
      readBody: () => readBody(request),
      decide: (subject, reviewed) => decide(cluster, store, subject, reviewed),
      rulesFor: (subject, namespace) => ({ rules: rbacRulesFor(rbacObjects(store, namespace), subject), incomplete: cluster.azureRbac }),
    });
  }

  return {
    namespaces: namespacesForArm(storeOf, (key) => azure.cluster(key)),
    async handle(request, response, key, path) {
      const cluster = azure.cluster(key);
      if (cluster?.privateCluster) {
        // A private cluster's API server has no public endpoint: the caller sees the connection drop,
        // as it would when the private FQDN does not resolve from outside the virtual network.
        request.socket.destroy();
        return;
      }
      try {
        if (!cluster) throw resourceNotFound();
        await serve(request, response, cluster, path);
      } catch (error) {
        if (error instanceof KubeError) return sendError(response, error);
        const message = error instanceof Error ? error.message : String(error);
        sendError(response, new KubeError(500, "InternalError", `Internal error occurred: ${message}`, {}));
      }
    },
    reset() {
      stores.clear();
    },
  };
};
