import { sendJson, type Exchange } from "../http/exchange";
import type { EmulatorState } from "../state";
import { groupObject, servicePrincipalObject, userObject, withType } from "./directory-objects";
import { GraphQueryError, type DirectoryRecord } from "./query";

/**
 * `POST /v1.0/directoryObjects/getByIds` (learn.microsoft.com/graph/api/directoryobject-getbyids): up to
 * 1000 ids, optional `types` (case-insensitive) limiting the collections searched, full objects typed
 * with `@odata.type`, unknown ids left out. The Azure CLI resolves assignees and names principals with it.
 */
const maxIds = 1000;
const searchable = ["user", "group", "serviceprincipal"] as const;
// Types Graph accepts whose collections the emulator has no objects of: asking for them finds nothing.
const emptyTypes = ["directoryobject", "device", "application", "orgcontact", "directoryobjectpartnerreference", "administrativeunit", "directoryrole"];

const badRequest = (message: string) => new GraphQueryError(400, "Request_BadRequest", message);

function requestedTypes(types: unknown): Set<string> {
  if (types === undefined || types === null) return new Set(searchable);
  if (!Array.isArray(types) || types.some((type) => typeof type !== "string")) throw badRequest("Invalid value for 'types': a collection of strings is expected.");
  const wanted = types.map((type: string) => type.toLowerCase().replace(/^microsoft\.graph\./, ""));
  const unknown = wanted.find((type) => !(searchable as readonly string[]).includes(type) && !emptyTypes.includes(type));
  if (unknown !== undefined) throw badRequest(`The type '${unknown}' is not a known directory object type.`);
  return wanted.includes("directoryobject") ? new Set(searchable) : new Set(wanted);
}

function find(state: EmulatorState, id: string, types: Set<string>): DirectoryRecord | undefined {
  const user = types.has("user") ? state.users.find((candidate) => candidate.id === id) : undefined;
  if (user) return withType(userObject(user, true), "user");
  const group = types.has("group") ? state.groups.find((candidate) => candidate.id === id) : undefined;
  if (group) return withType(groupObject(group), "group");
  const sp = types.has("serviceprincipal") ? state.servicePrincipals.find((candidate) => candidate.id === id) : undefined;
  return sp ? withType(servicePrincipalObject(sp), "servicePrincipal") : undefined;
}

export async function getByIds(exchange: Exchange, state: EmulatorState): Promise<void> {
  if (exchange.method !== "POST") throw new GraphQueryError(405, "Request_BadRequest", "Method not allowed.");
  const body: unknown = JSON.parse((await exchange.body()) || "{}");
  const record = typeof body === "object" && body !== null ? (body as Record<string, unknown>) : {};
  const ids = record.ids;
  if (!Array.isArray(ids) || ids.length === 0 || ids.some((id) => typeof id !== "string")) throw badRequest("Invalid value for 'ids': a non-empty collection of ids is required.");
  if (ids.length > maxIds) throw badRequest(`Too many ids: at most ${maxIds} may be requested at once.`);
  const types = requestedTypes(record.types);
  const value = [...new Set(ids.map((id: string) => id.toLowerCase()))].flatMap((id) => find(state, id, types) ?? []);
  sendJson(exchange, 200, { "@odata.context": "https://graph.microsoft.com/v1.0/$metadata#directoryObjects", value });
}
