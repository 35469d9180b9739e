import { sendJson, type Exchange } from "../http/exchange";
import { GraphQueryError } from "./query";

/** What Graph's write endpoints share: reading a JSON object body, its errors, and the answers. */
export const graphContext = "https://graph.microsoft.com/v1.0/$metadata";

export const badRequest = (message: string) => new GraphQueryError(400, "Request_BadRequest", message);
export const resourceNotFound = (id: string) =>
  new GraphQueryError(404, "Request_ResourceNotFound", `Resource '${id}' does not exist or one of its queried reference-property objects are not present.`);

export const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);
const guid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isGuid = (value: unknown): value is string => typeof value === "string" && guid.test(value);

export async function readObject(exchange: Exchange): Promise<Record<string, unknown>> {
  const text = await exchange.body();
  const body: unknown = text.trim() ? JSON.parse(text) : undefined;
  if (!isRecord(body)) throw new GraphQueryError(400, "BadRequest", "Empty Payload. JSON content expected.");
  return body;
}

/** A GUID-valued property of a request body, or 400 naming it. */
export function guidProperty(body: Record<string, unknown>, name: string, resource: string): string {
  const value = body[name];
  if (!isGuid(value)) throw badRequest(`Invalid value specified for property '${name}' of resource '${resource}'.`);
  return value.toLowerCase();
}

/** Graph answers a create with 201, the new entity and its `@odata.context`. */
export function sendCreated(exchange: Exchange, context: string, entity: Record<string, unknown>): void {
  sendJson(exchange, 201, { "@odata.context": `${graphContext}#${context}/$entity`, ...entity });
}

export function sendEntity(exchange: Exchange, context: string, entity: Record<string, unknown>): void {
  sendJson(exchange, 200, { "@odata.context": `${graphContext}#${context}/$entity`, ...entity });
}

export function sendNoContent(exchange: Exchange): void {
  exchange.response.writeHead(204, { "content-length": "0", "request-id": crypto.randomUUID() }).end();
}

/** `collection(appId='…')`: Graph's alternate key on applications and service principals. */
export function alternateKey(segment: string): { collection: string; appId: string } | undefined {
  const match = /^(applications|servicePrincipals)\(appId='([^']*)'\)$/.exec(decodeURIComponent(segment));
  return match ? { collection: match[1] ?? "", appId: (match[2] ?? "").toLowerCase() } : undefined;
}
