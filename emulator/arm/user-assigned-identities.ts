import type { Exchange } from "../http/exchange";
import type { Runtime } from "../runtime";
import type { FederatedIdentityCredentialWire, UserAssignedIdentityRecord, UserAssignedIdentityWire } from "../state";
import { stableGuid } from "./stable-ids";
import { ArmError, armErrors, isRecord, parseJsonBody, sendArm } from "./errors";
import { findResourceGroup } from "./subscriptions";

/**
 * Microsoft.ManagedIdentity/userAssignedIdentities and their federatedIdentityCredentials (PUT, GET,
 * DELETE; MSI API 2023-01-31). Both PUTs are synchronous in Azure (200/201), so no long-running
 * operation. principalId and clientId are derived from the resource id: re-creating an identity of the
 * same name gives the same ids here, where Azure would mint new ones.
 */
export type IdentityAddress = { subscriptionId: string; resourceGroup: string; name: string };
const identityType = "Microsoft.ManagedIdentity/userAssignedIdentities";
const credentialType = "Microsoft.ManagedIdentity/userAssignedIdentities/federatedIdentityCredentials";

function identityId(address: IdentityAddress, resourceGroup: string): string {
  return `/subscriptions/${address.subscriptionId}/resourceGroups/${resourceGroup}/providers/${identityType}/${address.name}`;
}

function find(runtime: Runtime, address: IdentityAddress): UserAssignedIdentityRecord | undefined {
  const group = findResourceGroup(runtime, address.subscriptionId, address.resourceGroup);
  const id = identityId(address, group.name).toLowerCase();
  return runtime.state().userAssignedIdentities.find((record) => record.resource.id.toLowerCase() === id);
}

function requireIdentity(runtime: Runtime, address: IdentityAddress): UserAssignedIdentityRecord {
  const record = find(runtime, address);
  if (!record) throw armErrors.resourceNotFound(identityType, address.name, address.resourceGroup);
  return record;
}

export function getIdentity(exchange: Exchange, runtime: Runtime, address: IdentityAddress): void {
  sendArm(exchange, 200, requireIdentity(runtime, address).resource);
}

export async function putIdentity(exchange: Exchange, runtime: Runtime, address: IdentityAddress): Promise<void> {
  const body = parseJsonBody(await exchange.body());
  if (!isRecord(body)) throw armErrors.invalidJson("Expected a JSON object");
  if (!/^[a-zA-Z0-9][a-zA-Z0-9_-]{2,127}$/.test(address.name)) {
    throw new ArmError(400, "InvalidResourceName", `Resource name ${address.name} is invalid. The name can contain only letters, numbers, underscores and hyphens, 3 to 128 characters, and must start with a letter or number.`);
  }
  const group = findResourceGroup(runtime, address.subscriptionId, address.resourceGroup);
  const current = find(runtime, address);
  const location = typeof body.location === "string" ? body.location.replace(/\s+/g, "").toLowerCase() : current?.resource.location;
  if (!location) throw new ArmError(400, "LocationRequired", "The location property is required for this definition.");
  const id = current?.resource.id ?? identityId(address, group.name);
  const resource: UserAssignedIdentityWire = {
    id, name: current?.resource.name ?? address.name, type: identityType, location: current?.resource.location ?? location,
    tags: isRecord(body.tags) ? (body.tags as Record<string, string>) : (current?.resource.tags ?? {}),
    properties: { tenantId: runtime.state().tenantId, principalId: stableGuid(`${id.toLowerCase()}/principal`), clientId: stableGuid(`${id.toLowerCase()}/client`), isolationScope: "None" },
  };
  const state = runtime.state();
  if (current) current.resource = resource;
  else state.userAssignedIdentities = [...state.userAssignedIdentities, { resource, federatedCredentials: [] }];
  sendArm(exchange, current ? 200 : 201, resource);
}

export function deleteIdentity(exchange: Exchange, runtime: Runtime, address: IdentityAddress): void {
  const current = find(runtime, address);
  if (!current) return sendArm(exchange, 204, undefined);
  const state = runtime.state();
  state.userAssignedIdentities = state.userAssignedIdentities.filter((record) => record !== current);
  sendArm(exchange, 200, undefined);
}

export function listCredentials(exchange: Exchange, runtime: Runtime, address: IdentityAddress): void {
  sendArm(exchange, 200, { value: requireIdentity(runtime, address).federatedCredentials });
}

export function getCredential(exchange: Exchange, runtime: Runtime, address: IdentityAddress, name: string): void {
  const found = requireIdentity(runtime, address).federatedCredentials.find((credential) => credential.name.toLowerCase() === name.toLowerCase());
  if (!found) throw armErrors.resourceNotFound(credentialType, `${address.name}/${name}`, address.resourceGroup);
  sendArm(exchange, 200, found);
}

/** Azure refuses a second credential with the same issuer and subject on one identity, and more than 20. */
export async function putCredential(exchange: Exchange, runtime: Runtime, address: IdentityAddress, name: string): Promise<void> {
  const body = parseJsonBody(await exchange.body());
  const identity = requireIdentity(runtime, address);
  const properties = isRecord(body) && isRecord(body.properties) ? body.properties : {};
  const { issuer, subject, audiences } = properties;
  if (typeof issuer !== "string" || !/^https:\/\//.test(issuer)) throw new ArmError(400, "BadRequest", "Issuer must be a valid https URL.", "properties.issuer");
  if (typeof subject !== "string" || subject === "") throw new ArmError(400, "BadRequest", "Subject is required.", "properties.subject");
  const audienceList = Array.isArray(audiences) && audiences.every((entry) => typeof entry === "string") ? (audiences as string[]) : ["api://AzureADTokenExchange"];
  const current = identity.federatedCredentials.find((credential) => credential.name.toLowerCase() === name.toLowerCase());
  const duplicate = identity.federatedCredentials.find((credential) => credential !== current && credential.properties.issuer === issuer && credential.properties.subject === subject);
  if (duplicate) throw new ArmError(400, "BadRequest", `FederatedIdentityCredential with the same issuer '${issuer}' and subject '${subject}' already exists: '${duplicate.name}'.`);
  if (!current && identity.federatedCredentials.length >= 20) throw new ArmError(400, "BadRequest", "Too many Federated Identity Credentials are written to the Managed Identity: at most 20.");
  const credential: FederatedIdentityCredentialWire = {
    id: `${identity.resource.id}/federatedIdentityCredentials/${current?.name ?? name}`, name: current?.name ?? name, type: credentialType,
    properties: { issuer, subject, audiences: audienceList },
  };
  identity.federatedCredentials = current ? identity.federatedCredentials.map((entry) => (entry === current ? credential : entry)) : [...identity.federatedCredentials, credential];
  sendArm(exchange, current ? 200 : 201, credential);
}

export function deleteCredential(exchange: Exchange, runtime: Runtime, address: IdentityAddress, name: string): void {
  const identity = requireIdentity(runtime, address);
  const before = identity.federatedCredentials.length;
  identity.federatedCredentials = identity.federatedCredentials.filter((credential) => credential.name.toLowerCase() !== name.toLowerCase());
  sendArm(exchange, before === identity.federatedCredentials.length ? 204 : 200, undefined);
}
