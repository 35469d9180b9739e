import { randomUUID } from "node:crypto";
import type { Exchange } from "../http/exchange";
import type { Runtime } from "../runtime";
import type { GraphApplication, GraphFederatedCredential } from "../state";
import { sendCollection } from "./collections";
import { GraphQueryError } from "./query";
import { badRequest, readObject, resourceNotFound, sendCreated, sendEntity, sendNoContent } from "./write-support";

/**
 * `/applications/{id}/federatedIdentityCredentials[/{id | name}]`
 * (learn.microsoft.com/graph/api/resources/federatedidentitycredential): at most 20 per app, a name of
 * 3 to 120 URL-friendly characters unique in the app, an issuer and subject of at most 600 characters,
 * exactly one audience.
 */
const maxCredentials = 20;
const properties = ["id", "name", "issuer", "subject", "description", "audiences"];
const validName = /^[A-Za-z0-9][A-Za-z0-9_-]{2,119}$/;

function credentialFrom(body: Record<string, unknown>, existing: GraphFederatedCredential[]): GraphFederatedCredential {
  const { name, issuer, subject, audiences, description } = body;
  const unknown = Object.keys(body).find((key) => !properties.includes(key) || key === "id");
  if (unknown) throw badRequest(`Property '${unknown}' does not exist on type 'microsoft.graph.federatedIdentityCredential' or is read-only.`);
  if (typeof name !== "string" || !validName.test(name)) throw badRequest("Invalid value specified for property 'name' of resource 'FederatedIdentityCredential'.");
  if (typeof issuer !== "string" || issuer === "" || issuer.length > 600) throw badRequest("Invalid value specified for property 'issuer' of resource 'FederatedIdentityCredential'.");
  if (typeof subject !== "string" || subject === "" || subject.length > 600) throw badRequest("Invalid value specified for property 'subject' of resource 'FederatedIdentityCredential'.");
  if (!Array.isArray(audiences) || audiences.length !== 1 || typeof audiences[0] !== "string" || audiences[0].length > 600) {
    throw badRequest("Invalid value specified for property 'audiences' of resource 'FederatedIdentityCredential'.");
  }
  if (description !== undefined && description !== null && (typeof description !== "string" || description.length > 600)) {
    throw badRequest("Invalid value specified for property 'description' of resource 'FederatedIdentityCredential'.");
  }
  if (existing.some((credential) => credential.name.toLowerCase() === name.toLowerCase())) throw badRequest(`FederatedIdentityCredential with name ${name} already exists.`);
  if (existing.some((credential) => credential.issuer === issuer && credential.subject === subject)) {
    throw badRequest("FederatedIdentityCredential with the same issuer and subject already exists.");
  }
  if (existing.length >= maxCredentials) throw badRequest(`The application already has the maximum of ${maxCredentials} federated identity credentials.`);
  return { id: randomUUID(), name, issuer, subject, description: typeof description === "string" ? description : null, audiences: [audiences[0]] };
}

export async function federatedCredentialRoutes(
  exchange: Exchange, runtime: Runtime, application: GraphApplication, rest: string[], save: (credentials: GraphFederatedCredential[]) => void,
): Promise<void> {
  const credentials = application.federatedIdentityCredentials;
  const entitySet = `applications('${application.id}')/federatedIdentityCredentials`;
  const [key, ...more] = rest;
  if (more.length > 0) throw new GraphQueryError(400, "BadRequest", `Resource not found for the segment '${more[0] ?? ""}'.`);
  if (key === undefined) {
    if (exchange.method === "GET") {
      return sendCollection(exchange, runtime, { items: credentials.map((credential) => ({ ...credential })), entitySet, typeName: "federatedIdentityCredential", properties, searchable: [], filterable: ["name", "issuer", "subject"] });
    }
    if (exchange.method !== "POST") throw new GraphQueryError(405, "Request_BadRequest", "Method not allowed.");
    const credential = credentialFrom(await readObject(exchange), credentials);
    save([...credentials, credential]);
    return sendCreated(exchange, entitySet, { ...credential });
  }
  const wanted = decodeURIComponent(key).toLowerCase();
  const credential = credentials.find((candidate) => candidate.id === wanted || candidate.name.toLowerCase() === wanted);
  if (!credential) throw resourceNotFound(wanted);
  if (exchange.method === "GET") return sendEntity(exchange, entitySet, { ...credential });
  if (exchange.method !== "DELETE") throw new GraphQueryError(405, "Request_BadRequest", "Method not allowed.");
  save(credentials.filter((candidate) => candidate.id !== credential.id));
  sendNoContent(exchange);
}
