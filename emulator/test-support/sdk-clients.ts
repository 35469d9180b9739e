import { ContainerServiceClient } from "@azure/arm-containerservice";
import { AuthorizationManagementClient } from "@azure/arm-authorization";
import { ClientSecretCredential } from "@azure/identity";
import { localDemoOrganisation } from "../../lib/config/local-mode";
import type { Emulator } from "../index";

/** The real SDK clients configured for the emulator exactly as WIRE-PROTOCOLS §1 prescribes. */
export function clusterdeskCredential(emulator: Pick<Emulator, "url">): ClientSecretCredential {
  return new ClientSecretCredential(localDemoOrganisation.tenantId, localDemoOrganisation.clientId, localDemoOrganisation.clientSecret, {
    authorityHost: emulator.url,
    disableInstanceDiscovery: true,
  });
}

export function containerServiceClient(emulator: Pick<Emulator, "url">, subscriptionId: string): ContainerServiceClient {
  return new ContainerServiceClient(clusterdeskCredential(emulator), subscriptionId, {
    endpoint: emulator.url,
    credentials: { scopes: ["https://management.azure.com/.default"] },
  });
}

export function authorizationClient(emulator: Pick<Emulator, "url">, subscriptionId: string): AuthorizationManagementClient {
  return new AuthorizationManagementClient(clusterdeskCredential(emulator), subscriptionId, {
    endpoint: emulator.url,
    credentialScopes: ["https://management.azure.com/.default"],
  });
}
