import { directGroups, findUser, transitiveGroups } from "../directory";
import { sendJson, type Exchange } from "../http/exchange";
import type { Runtime } from "../runtime";
import type { EmulatorState } from "../state";
import { sendCollection } from "./collections";
import {
  groupFilterable, groupObject, groupProperties, groupSearchable, servicePrincipalFilterable, servicePrincipalObject,
  servicePrincipalProperties, servicePrincipalSearchable, userFilterable, userObject, userProperties, userSearchable, withType,
} from "./directory-objects";
import { applicationRoutes } from "./applications";
import { getByIds } from "./get-by-ids";
import { permissionGrantRoutes } from "./permission-grants";
import { servicePrincipalRoutes } from "./service-principals";
import { authenticateGraph, sendGraphError } from "./respond";
import { sendMail } from "./send-mail";
import { GraphQueryError, select, type DirectoryRecord } from "./query";

/** Microsoft Graph v1.0: users, groups, /me and the membership functions; app registrations and consent in their own modules. */
type Subject = { id: string; kind: "user" | "group" | "servicePrincipal" };

export function isGraphPath(path: string): boolean {
  return /^\/v1\.0(\/|$)/.test(path);
}

const notFound = (id: string) => new GraphQueryError(404, "Request_ResourceNotFound", `Resource '${id}' does not exist or one of its queried reference-property objects are not present.`);

function resolveSubject(state: EmulatorState, collection: string, key: string, callerId: string, isApp: boolean): Subject {
  if (collection === "me") {
    if (isApp) throw new GraphQueryError(400, "BadRequest", "/me request is only valid with delegated authentication flow.");
    return { id: callerId, kind: "user" };
  }
  const id = decodeURIComponent(key).toLowerCase();
  if (collection === "users") {
    const user = findUser(state, id);
    if (!user) throw notFound(id);
    return { id: user.id, kind: "user" };
  }
  if (collection === "groups" && state.groups.some((group) => group.id === id)) return { id, kind: "group" };
  if (collection === "servicePrincipals" && state.servicePrincipals.some((sp) => sp.id === id)) return { id, kind: "servicePrincipal" };
  throw notFound(id);
}

function objectOf(state: EmulatorState, subject: Subject, selected: boolean): DirectoryRecord {
  const user = state.users.find((candidate) => candidate.id === subject.id);
  // Like Graph, properties outside the default set (accountEnabled) only when $select names them.
  if (user) return userObject(user, selected);
  const group = state.groups.find((candidate) => candidate.id === subject.id);
  if (group) return groupObject(group);
  const sp = state.servicePrincipals.find((candidate) => candidate.id === subject.id);
  if (sp) return servicePrincipalObject(sp);
  throw notFound(subject.id);
}

async function membershipFunction(exchange: Exchange, state: EmulatorState, subject: Subject, action: string): Promise<void> {
  const body = JSON.parse((await exchange.body()) || "{}") as { groupIds?: unknown; securityEnabledOnly?: unknown };
  const groups = transitiveGroups(state, subject.id);
  if (action === "checkMemberGroups") {
    const requested = Array.isArray(body.groupIds) ? body.groupIds.map(String) : [];
    if (requested.length > 20) throw new GraphQueryError(400, "Request_BadRequest", "The request contains too many groupIds; at most 20 are allowed.");
    return sendJson(exchange, 200, { "@odata.context": "https://graph.microsoft.com/v1.0/$metadata#Collection(Edm.String)", value: requested.filter((id) => groups.some((group) => group.id === id.toLowerCase())) });
  }
  const onlySecurity = body.securityEnabledOnly === true;
  sendJson(exchange, 200, {
    "@odata.context": "https://graph.microsoft.com/v1.0/$metadata#Collection(Edm.String)",
    value: groups.filter((group) => !onlySecurity || group.securityEnabled).map((group) => group.id),
  });
}

async function route(exchange: Exchange, runtime: Runtime, callerId: string, isApp: boolean): Promise<void> {
  const state = runtime.state();
  const parts = exchange.path.replace(/^\/v1\.0\/?/, "").split("/").filter(Boolean);
  const [collection = "", ...rest] = parts;
  const users = () => state.users.map((user) => userObject(user, true));
  const groups = () => state.groups.map(groupObject);
  if (parts.length === 1 && collection === "users") {
    return sendCollection(exchange, runtime, { items: users(), entitySet: "users", typeName: "user", properties: userProperties, searchable: userSearchable, filterable: userFilterable });
  }
  if (parts.length === 1 && collection === "groups") {
    return sendCollection(exchange, runtime, { items: groups(), entitySet: "groups", typeName: "group", properties: groupProperties, searchable: groupSearchable, filterable: groupFilterable });
  }
  if (parts.length === 1 && collection === "servicePrincipals") {
    return sendCollection(exchange, runtime, {
      items: state.servicePrincipals.map(servicePrincipalObject), entitySet: "servicePrincipals", typeName: "servicePrincipal",
      properties: servicePrincipalProperties, searchable: servicePrincipalSearchable, filterable: servicePrincipalFilterable,
    });
  }
  if (parts.length === 2 && collection === "directoryObjects" && rest[0] === "getByIds") return getByIds(exchange, state);
  if (!["me", "users", "groups", "servicePrincipals"].includes(collection)) throw new GraphQueryError(400, "BadRequest", `Resource not found for the segment '${collection}'.`);
  const key = collection === "me" ? "" : (rest.shift() ?? "");
  const subject = resolveSubject(state, collection, key, callerId, isApp);
  const [relation, cast] = rest;
  if (!relation) {
    if (exchange.method !== "GET") throw new GraphQueryError(405, "Request_BadRequest", "Method not allowed.");
    const selected = exchange.url.searchParams.get("$select")?.split(",").map((p) => p.trim());
    const known = subject.kind === "user" ? userProperties : groupProperties;
    return sendJson(exchange, 200, { "@odata.context": `https://graph.microsoft.com/v1.0/$metadata#${subject.kind}s/$entity`, ...select(objectOf(state, subject, selected !== undefined), selected, known, subject.kind) });
  }
  if (exchange.method === "POST" && ["getMemberObjects", "getMemberGroups", "checkMemberGroups"].includes(relation)) {
    return membershipFunction(exchange, state, subject, relation);
  }
  const memberOf = { memberOf: () => directGroups(state, subject.id), transitiveMemberOf: () => transitiveGroups(state, subject.id) }[relation];
  if (memberOf && exchange.method === "GET" && (!cast || cast === "microsoft.graph.group")) {
    return sendCollection(exchange, runtime, {
      items: memberOf().map((group) => withType(groupObject(group), "group")), entitySet: "directoryObjects", typeName: "group",
      properties: groupProperties, searchable: groupSearchable, filterable: groupFilterable,
    });
  }
  if ((relation === "members" || relation === "transitiveMembers") && subject.kind === "group" && exchange.method === "GET") {
    const group = state.groups.find((candidate) => candidate.id === subject.id);
    const direct = group?.members ?? [];
    const ids = relation === "members" ? direct : [...new Set(state.users.concat().flatMap((user) => (transitiveGroups(state, user.id).some((g) => g.id === subject.id) ? [user.id] : [])).concat(direct))];
    const items = ids.flatMap((id) => {
      const user = state.users.find((candidate) => candidate.id === id);
      const child = state.groups.find((candidate) => candidate.id === id);
      return user ? [withType(userObject(user), "user")] : child ? [withType(groupObject(child), "group")] : [{ id, "@odata.type": "#microsoft.graph.servicePrincipal" }];
    });
    // `…/transitiveMembers/microsoft.graph.user` (or `.group`) keeps only that type, as Graph does.
    if (cast && cast !== "microsoft.graph.user" && cast !== "microsoft.graph.group") throw new GraphQueryError(400, "BadRequest", `Resource not found for the segment '${cast}'.`);
    const kept = cast ? items.filter((item) => item["@odata.type"] === `#${cast}`) : items;
    const typeName = cast === "microsoft.graph.user" ? "user" : cast === "microsoft.graph.group" ? "group" : "directoryObject";
    return sendCollection(exchange, runtime, { items: kept, entitySet: "directoryObjects", typeName, properties: [...userProperties, ...groupProperties], searchable: userSearchable, filterable: userFilterable });
  }
  throw new GraphQueryError(400, "BadRequest", `Resource not found for the segment '${relation}'.`);
}

export async function handleGraph(exchange: Exchange, runtime: Runtime): Promise<void> {
  try {
    const claims = await authenticateGraph(exchange, runtime);
    const mailbox = /^\/v1\.0\/users\/([^/]+)\/sendMail$/i.exec(exchange.path);
    if (mailbox && exchange.method === "POST") return await sendMail(exchange, runtime, runtime.mail, mailbox[1] ?? "", claims);
    const parts = exchange.path.replace(/^\/v1\.0\/?/, "").split("/").filter(Boolean);
    for (const routes of [applicationRoutes, servicePrincipalRoutes, permissionGrantRoutes]) if (await routes(exchange, runtime, parts)) return;
    await route(exchange, runtime, String(claims.oid ?? ""), claims.idtyp === "app");
  } catch (error) {
    if (error instanceof GraphQueryError) return sendGraphError(exchange, error.status, error.code, error.message);
    if (error instanceof SyntaxError) return sendGraphError(exchange, 400, "BadRequest", "Unable to read JSON request payload. Please ensure Content-Type header is set and payload is of valid JSON format.");
    throw error;
  }
}
