import { ArmError } from "./errors";
import {
  containerServiceLocations, containerServiceVersions, publicIpAddressVersions, resourceManagerVersions,
  roleAssignmentVersions, roleDefinitionVersions, managedIdentityVersions,
} from "./api-versions";

/**
 * api-version checks as ARM makes them: ARM's own types (subscriptions, resource groups) answer
 * InvalidApiVersionParameter; a resource provider's types answer NoRegisteredProviderFound with the
 * type's versions and locations, except Microsoft.Authorization's role assignments, which answer
 * InvalidResourceType (messages from the public reports cited in api-versions.ts).
 */
type ResourceType = { versions: string[]; refusal: "NoRegisteredProviderFound" | "InvalidResourceType"; locations?: string[] };

const resourceTypes: Record<string, Record<string, ResourceType>> = {
  "microsoft.containerservice": {
    managedclusters: { versions: containerServiceVersions, refusal: "NoRegisteredProviderFound", locations: containerServiceLocations },
    locations: { versions: containerServiceVersions, refusal: "NoRegisteredProviderFound", locations: containerServiceLocations },
  },
  "microsoft.managedidentity": { userassignedidentities: { versions: managedIdentityVersions, refusal: "NoRegisteredProviderFound", locations: containerServiceLocations } },
  "microsoft.network": { publicipaddresses: { versions: publicIpAddressVersions, refusal: "NoRegisteredProviderFound", locations: containerServiceLocations } },
  "microsoft.authorization": {
    roleassignments: { versions: roleAssignmentVersions, refusal: "InvalidResourceType" },
    roledefinitions: { versions: roleDefinitionVersions, refusal: "NoRegisteredProviderFound", locations: [] },
  },
};

const versionShape = /^\d{4}-\d{2}-\d{2}(-preview)?$/;

/** The provider segment the request addresses: the last `/providers/{namespace}/{type}` of the path. */
function providerTypeOf(path: string): { namespace: string; type: string } | undefined {
  const matches = [...path.matchAll(/\/providers\/([^/]+)\/([^/]+)/gi)];
  const last = matches.at(-1);
  return last?.[1] && last[2] ? { namespace: last[1], type: last[2] } : undefined;
}

export function checkApiVersion(path: string, value: string | null, location: string): ArmError | undefined {
  if (value === null || value === "") {
    return new ArmError(400, "MissingApiVersionParameter", "The api-version query parameter (?api-version=) is required for all requests.");
  }
  const target = providerTypeOf(path);
  // A value that is no date at all is refused by ARM itself, whatever the resource type.
  if (!versionShape.test(value) || (!target && !resourceManagerVersions.includes(value))) {
    return new ArmError(400, "InvalidApiVersionParameter", `The api-version '${value}' is invalid. The supported versions are '${resourceManagerVersions.join(",")}'.`);
  }
  if (!target) return undefined;
  const namespace = resourceTypes[target.namespace.toLowerCase()];
  if (!namespace) {
    // Microsoft's other providers exist but are not emulated: to a client, like one the subscription never registered.
    if (/^microsoft\./i.test(target.namespace)) {
      return new ArmError(409, "MissingSubscriptionRegistration", `The subscription is not registered to use namespace '${target.namespace}'. See https://aka.ms/rps-not-found for how to register subscriptions.`);
    }
    return new ArmError(400, "InvalidResourceNamespace", `The resource namespace '${target.namespace}' is invalid.`);
  }
  const type = namespace[target.type.toLowerCase()];
  if (!type) {
    return new ArmError(404, "InvalidResourceType", `The resource type '${target.type}' could not be found in the namespace '${target.namespace}' for api version '${value}'.`);
  }
  if (type.versions.includes(value)) return undefined;
  if (type.refusal === "InvalidResourceType") {
    return new ArmError(404, "InvalidResourceType", `The resource type '${target.type}' could not be found in the namespace '${target.namespace}' for api version '${value}'. The supported api-versions are '${type.versions.join(",")}'.`);
  }
  return new ArmError(400, "NoRegisteredProviderFound",
    `No registered resource provider found for location '${location}' and API version '${value}' for type '${target.type}'. The supported api-versions are '${type.versions.join(", ")}'. The supported locations are '${(type.locations ?? []).join(", ")}'.`);
}
