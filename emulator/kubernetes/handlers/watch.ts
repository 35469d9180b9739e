import type { ServerResponse } from "node:http";
import type { JsonObject } from "../json";
import { groupVersion } from "../resources";
import { badRequest, failureStatus, KubeError } from "../status";
import type { StoreEvent, WatchEventType } from "../watch-hub";
import type { HandlerContext } from "./context";
import { selectedObjects, selectorMatcher } from "./read";

/** The API server's default watch length is its --min-request-timeout (1800 s). */
const defaultTimeoutSeconds = 1800;

export type WatchOptions = { transform: (object: JsonObject) => JsonObject; contentType: string };

/**
 * `?watch=true`: a chunked stream of `{"type","object"}` JSON lines. Without a resourceVersion (or
 * "0") it starts with ADDED for every object, as "get state and start at most recent" does; with
 * one it replays the changes after it, or sends a 410 Expired ERROR event when they are no longer
 * kept. It ends after `timeoutSeconds`, or when the client goes away.
 */
export function serveWatch(context: HandlerContext, response: ServerResponse, options: WatchOptions): void {
  const { type, namespace } = context.info;
  // timeoutSeconds=0 means "the server's default", as in the real watch handler.
  const timeoutSeconds = Number(context.query.get("timeoutSeconds") || defaultTimeoutSeconds);
  const resourceVersion = context.query.get("resourceVersion") ?? "";
  if (!Number.isFinite(timeoutSeconds) || timeoutSeconds < 0) throw badRequest(`invalid timeoutSeconds: ${context.query.get("timeoutSeconds") ?? ""}`);
  if (resourceVersion !== "" && !/^\d+$/.test(resourceVersion)) throw badRequest(`resourceVersion: Invalid value: "${resourceVersion}": must be a number`);
  const sendInitialEvents = context.query.get("sendInitialEvents") === "true";
  if (sendInitialEvents && (context.query.get("resourceVersionMatch") !== "NotOlderThan" || context.query.get("allowWatchBookmarks") !== "true")) {
    throw new KubeError(422, "Invalid", 'ListOptions.meta.k8s.io "" is invalid: sendInitialEvents: Forbidden: sendInitialEvents requires setting resourceVersionMatch to NotOlderThan and allowWatchBookmarks', {
      group: "meta.k8s.io",
      kind: "ListOptions",
      causes: [{ reason: "FieldValueForbidden", message: "Forbidden: sendInitialEvents requires setting resourceVersionMatch to NotOlderThan and allowWatchBookmarks", field: "sendInitialEvents" }],
    });
  }
  const matches = selectorMatcher(context);
  const resourceKey = `${type.group}|${type.resource}`;
  const relevant = (event: StoreEvent) => event.resourceKey === resourceKey && (!namespace || event.namespace === namespace) && matches(event.object);

  response.writeHead(200, { "Content-Type": options.contentType, "Cache-Control": "no-cache, private", "Transfer-Encoding": "chunked" });
  // Headers go out at once: a watch with nothing to replay would otherwise leave the client waiting
  // for a response (kubectl rollout status then hangs on exit, its informer never having started).
  response.flushHeaders();
  const send = (eventType: WatchEventType | "ERROR" | "BOOKMARK", object: JsonObject) => response.write(`${JSON.stringify({ type: eventType, object })}\n`);

  let replay: StoreEvent[] = [];
  if (sendInitialEvents) {
    // Streaming lists (KEP-3157): the current objects, then a bookmark marking their end.
    for (const object of selectedObjects(context)) send("ADDED", options.transform(object));
    const marker = { kind: type.kind, apiVersion: groupVersion(type), metadata: { resourceVersion: context.store.resourceVersion, annotations: { "k8s.io/initial-events-end": "true" } } };
    send("BOOKMARK", marker);
  } else if (resourceVersion === "" || resourceVersion === "0") {
    for (const object of selectedObjects(context)) send("ADDED", options.transform(object));
  } else {
    const since = context.store.changes.since(Number(resourceVersion));
    if (!since) {
      send("ERROR", failureStatus(410, "Expired", `too old resource version: ${resourceVersion} (${context.store.resourceVersion})`));
      response.end();
      return;
    }
    replay = since.filter(relevant);
  }
  for (const event of replay) send(event.type, options.transform(event.object));
  const unsubscribe = context.store.changes.subscribe((event) => {
    if (relevant(event)) send(event.type, options.transform(event.object));
  });
  const timer = setTimeout(() => response.end(), timeoutSeconds * 1000);
  response.on("close", () => {
    clearTimeout(timer);
    unsubscribe();
  });
}
