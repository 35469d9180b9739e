import type { IncomingMessage, ServerResponse } from "node:http";
import { setTimeout as sleep } from "node:timers/promises";
import { isArmPath, handleArm } from "./arm/router";
import type { KubernetesSide } from "./contracts";
import { handleControl, type ControlActions } from "./control/router";
import { defaultFaultError } from "./control/faults";
import type { RequestLog } from "./control/request-log";
import { handleEntra, isEntraPath, type EntraContext } from "./entra/router";
import { handleManagedIdentity, isManagedIdentityPath } from "./entra/managed-identity";
import { handleGraph, isGraphPath } from "./graph/router";
import { createExchange, sendJson, type Exchange } from "./http/exchange";
import type { Runtime } from "./runtime";

/** One HTTPS listener, services routed by path prefix; faults and the request log wrap every service call. */
export type Services = { runtime: Runtime; entra: EntraContext; kubernetes?: KubernetesSide; control: ControlActions; log: RequestLog };

const kubernetesPrefix = /^\/k8s\/([^/]+)\/([^/]+)\/([^/]+)(\/.*)?$/;

async function handleKubernetes(exchange: Exchange, services: Services): Promise<void> {
  const match = kubernetesPrefix.exec(exchange.url.pathname);
  const [, subscriptionId = "", resourceGroup = "", name = "", rest = "/"] = match ?? [];
  const key = { subscriptionId: decodeURIComponent(subscriptionId), resourceGroup: decodeURIComponent(resourceGroup), name: decodeURIComponent(name) };
  const cluster = match ? services.runtime.state().clusters.find((c) => c.subscriptionId === key.subscriptionId && c.resourceGroup.toLowerCase() === key.resourceGroup.toLowerCase() && c.resource.name.toLowerCase() === key.name.toLowerCase()) : undefined;
  if (!services.kubernetes || !cluster) {
    return sendJson(exchange, 404, { kind: "Status", apiVersion: "v1", metadata: {}, status: "Failure", message: services.kubernetes ? "the server could not find the requested resource" : "the emulator runs without its Kubernetes side", reason: "NotFound", details: {}, code: 404 });
  }
  await services.kubernetes.handle(exchange.request, exchange.response, key, `${rest}${exchange.url.search}`);
}

/** Node sends the status line and headers with the first body write, so deferring `end` defers the whole answer. */
function holdResponse(exchange: Exchange, ms: number): void {
  const { response } = exchange;
  const end = response.end.bind(response) as (...args: unknown[]) => void;
  response.end = ((...args: unknown[]) => {
    setTimeout(() => end(...args), ms).unref();
    return response;
  }) as typeof response.end;
}

async function applyFault(exchange: Exchange, services: Services): Promise<boolean> {
  const { faults } = services.runtime;
  const body = faults.wantsBody(exchange.method, exchange.path) ? await exchange.body() : undefined;
  const fault = faults.takeRequestFault(exchange.method, exchange.path, body);
  if (!fault) return false;
  if (fault.latencyMs) await sleep(fault.latencyMs);
  if (fault.holdResponseMs) holdResponse(exchange, fault.holdResponseMs);
  if (!fault.status) return false;
  const fallback = defaultFaultError(fault.status);
  const headers: Record<string, string> = {};
  if (fault.retryAfterSeconds !== undefined) headers["retry-after"] = String(fault.retryAfterSeconds);
  if (fault.retryAfterMs !== undefined) {
    headers["retry-after-ms"] = String(fault.retryAfterMs);
    headers["retry-after"] ??= String(Math.max(1, Math.ceil(fault.retryAfterMs / 1000)));
  }
  sendJson(exchange, fault.status, { error: { code: fault.code ?? fallback.code, message: fault.message ?? fallback.message } }, headers);
  return true;
}

async function dispatch(exchange: Exchange, services: Services): Promise<void> {
  if (await applyFault(exchange, services)) return;
  const { path } = exchange;
  if (path.startsWith("/k8s/")) return handleKubernetes(exchange, services);
  if (isGraphPath(path)) return handleGraph(exchange, services.runtime);
  if (isArmPath(path)) return handleArm(exchange, services.runtime);
  if (isEntraPath(path)) return handleEntra(exchange, services.entra);
  if (isManagedIdentityPath(path)) return handleManagedIdentity(exchange, services.entra);
  sendJson(exchange, 404, { error: { code: "NotFound", message: `The emulator serves no resource at '${path}'.` } });
}

export function createRequestHandler(services: Services) {
  return (request: IncomingMessage, response: ServerResponse): void => {
    const exchange = createExchange(request, response, services.runtime.baseUrl());
    if (exchange.path.startsWith("/_emulator")) {
      void handleControl(exchange, services.control);
      return;
    }
    const started = Date.now();
    response.on("finish", () => {
      services.log.add({
        time: new Date(started).toISOString(), method: exchange.method, path: `${exchange.url.pathname}${exchange.url.search}`,
        status: response.statusCode, clientRequestId: exchange.header("x-ms-client-request-id") ?? exchange.header("client-request-id") ?? exchange.url.searchParams.get("client-request-id") ?? undefined,
        durationMs: Date.now() - started,
      });
    });
    dispatch(exchange, services).catch((error: unknown) => {
      console.error("[emulator] unhandled error", error);
      if (!response.headersSent) sendJson(exchange, 500, { error: { code: "InternalServerError", message: "The emulator failed to handle this request." } });
      else response.end();
    });
  };
}
