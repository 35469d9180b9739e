import { sendJson, type Exchange } from "../http/exchange";
import { directoryChangeOf, type DirectoryChange } from "./directory-changes";
import type { FaultSpec } from "./faults";

/**
 * The test control API under /_emulator/… (no authentication, loopback only): reset, faults, the
 * request log, a large generated organisation and tokens for tests that run in another process.
 */
export type ControlActions = {
  reset(): void;
  addFault(spec: FaultSpec): unknown;
  listFaults(): unknown;
  clearFaults(): void;
  requests(): unknown;
  clearRequests(): void;
  sentMail(): unknown;
  clearSentMail(): void;
  generate(options: { clusters: number; subscriptions: number }): void;
  endpoints(): unknown;
  issueToken(options: { user?: string; servicePrincipal?: string; audience: string; lifetimeSeconds?: number }): Promise<string>;
  changeDirectory(change: DirectoryChange): void;
  roleAssignmentPropagation(): { delayMs: number };
  setRoleAssignmentPropagation(delayMs: number): void;
};

const loopback = new Set(["127.0.0.1", "::1", "::ffff:127.0.0.1"]);

async function jsonBody(exchange: Exchange): Promise<Record<string, unknown>> {
  const text = await exchange.body();
  const value: unknown = text ? JSON.parse(text) : {};
  return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

export async function handleControl(exchange: Exchange, actions: ControlActions): Promise<void> {
  if (!loopback.has(exchange.request.socket.remoteAddress ?? "")) return sendJson(exchange, 403, { error: "The control API answers loopback callers only." });
  const resource = exchange.path.replace(/^\/_emulator\/?/, "");
  const method = exchange.method;
  try {
    if (resource === "reset" && method === "POST") {
      actions.reset();
      return sendJson(exchange, 200, { reset: true });
    }
    if (resource === "faults" && method === "POST") return sendJson(exchange, 201, actions.addFault((await jsonBody(exchange)) as FaultSpec));
    if (resource === "faults" && method === "GET") return sendJson(exchange, 200, { value: actions.listFaults() });
    if (resource === "faults" && method === "DELETE") {
      actions.clearFaults();
      return sendJson(exchange, 200, { cleared: true });
    }
    if (resource === "requests" && method === "GET") return sendJson(exchange, 200, { value: actions.requests() });
    if (resource === "requests" && method === "DELETE") {
      actions.clearRequests();
      return sendJson(exchange, 200, { cleared: true });
    }
    // Send failures are faults like any other: POST /_emulator/faults {"method":"POST","path":"/sendMail$","status":503}.
    if (resource === "mail" && method === "GET") return sendJson(exchange, 200, { value: actions.sentMail() });
    if (resource === "mail" && method === "DELETE") {
      actions.clearSentMail();
      return sendJson(exchange, 200, { cleared: true });
    }
    if (resource === "generate" && method === "POST") {
      const body = await jsonBody(exchange);
      actions.generate({ clusters: Number(body.clusters ?? 100), subscriptions: Number(body.subscriptions ?? 2) });
      return sendJson(exchange, 200, { generated: true });
    }
    if (resource === "endpoints" && method === "GET") return sendJson(exchange, 200, actions.endpoints());
    if (resource === "tokens" && method === "POST") {
      const body = await jsonBody(exchange);
      const token = await actions.issueToken({
        user: typeof body.user === "string" ? body.user : undefined,
        servicePrincipal: typeof body.servicePrincipal === "string" ? body.servicePrincipal : undefined,
        audience: String(body.audience ?? "arm"),
        lifetimeSeconds: typeof body.lifetimeSeconds === "number" ? body.lifetimeSeconds : undefined,
      });
      return sendJson(exchange, 200, { access_token: token, token_type: "Bearer" });
    }
    if (resource === "role-assignment-propagation" && method === "GET") return sendJson(exchange, 200, actions.roleAssignmentPropagation());
    if (resource === "role-assignment-propagation" && method === "PUT") {
      actions.setRoleAssignmentPropagation(Number((await jsonBody(exchange)).delayMs));
      return sendJson(exchange, 200, actions.roleAssignmentPropagation());
    }
    const change = directoryChangeOf(method, resource, method === "PATCH" ? await jsonBody(exchange) : {});
    if (change) {
      actions.changeDirectory(change);
      return sendJson(exchange, 200, { changed: change });
    }
    sendJson(exchange, 404, { error: `No control endpoint ${method} /_emulator/${resource}` });
  } catch (error) {
    sendJson(exchange, 400, { error: error instanceof Error ? error.message : String(error) });
  }
}
