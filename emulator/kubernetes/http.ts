import type { IncomingMessage, ServerResponse } from "node:http";
import { load } from "js-yaml";
import { isJsonObject, type Json, type JsonObject } from "./json";
import { badRequest, KubeError } from "./status";

const maxBodyBytes = 3 * 1024 * 1024;

export async function readBody(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    const buffer = typeof chunk === "string" ? Buffer.from(chunk) : Buffer.from(chunk as Uint8Array);
    size += buffer.length;
    // The real server refuses request bodies above 3 MiB (etcd's limit is what it protects).
    if (size > maxBodyBytes) throw new KubeError(413, "RequestEntityTooLarge", "Request entity too large: limit is 3145728");
    chunks.push(buffer);
  }
  return Buffer.concat(chunks);
}

/** JSON, or YAML where the API server accepts it (apply-patch+yaml, application/yaml). */
export function parseBody(body: Buffer | string, yaml: boolean): Json {
  const text = typeof body === "string" ? body : body.toString("utf8");
  if (text.trim() === "") throw badRequest("the body of the request was in an unknown format - accepted media types include: application/json, application/yaml");
  try {
    return JSON.parse(text) as Json;
  } catch (error) {
    if (!yaml) throw badRequest(`the body of the request was in an unknown format - accepted media types include: application/json, application/yaml, application/vnd.kubernetes.protobuf: ${String(error)}`);
  }
  try {
    return load(text) as Json;
  } catch (error) {
    throw badRequest(`error decoding YAML: ${String(error)}`);
  }
}

export function parseObjectBody(raw: Buffer | string, yaml: boolean): JsonObject {
  const body = parseBody(raw, yaml);
  if (!isJsonObject(body)) throw badRequest("Object 'Kind' is missing in the request body");
  return body;
}

export function sendJson(response: ServerResponse, status: number, body: Json, contentType = "application/json"): void {
  const text = JSON.stringify(body);
  response.writeHead(status, { "Content-Type": contentType, "Content-Length": Buffer.byteLength(text), "Cache-Control": "no-cache, private" });
  response.end(text);
}

export function sendError(response: ServerResponse, error: KubeError): void {
  sendJson(response, error.code, error.toStatus());
}
