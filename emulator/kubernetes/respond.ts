import type { IncomingMessage, ServerResponse } from "node:http";
import { isJsonObject } from "./json";
import { sendJson } from "./http";
import type { HandlerContext } from "./handlers/context";
import { dispatch } from "./handlers/dispatch";
import { serveWatch } from "./handlers/watch";
import { asTable, tableContentType, wantsTable } from "./tables/table";

/**
 * Runs an authorized resource request and writes its answer: a watch stream, a Table when the
 * client asks for one (kubectl get), or the handler's JSON with any field-validation warnings.
 */
export async function respond(request: IncomingMessage, response: ServerResponse, context: HandlerContext): Promise<void> {
  const { info, query } = context;
  const table = wantsTable(request.headers.accept);
  const toTable = (object: Parameters<typeof asTable>[1]) => asTable(info.type, object, query, new Date());
  if (info.verb === "watch" && !info.type.virtual && !info.subresource) {
    return serveWatch(context, response, { contentType: table ? tableContentType : "application/json", transform: table ? toTable : (object) => object });
  }
  const result = await dispatch(context);
  for (const warning of context.warnings) response.appendHeader("Warning", `299 - ${JSON.stringify(warning)}`);
  if ((info.verb === "get" || info.verb === "list") && result.status === 200 && isJsonObject(result.body) && table) {
    return sendJson(response, 200, toTable(result.body), tableContentType);
  }
  sendJson(response, result.status, result.body);
}
