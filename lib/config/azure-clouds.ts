/**
 * The Azure clouds Clusterdesk supports. Endpoints from the Azure CLI's `az cloud show` and
 * @azure/identity's AzureAuthorityHosts; a token's audience is the endpoint itself, so a scope is
 * `<endpoint>/.default` (with one slash: `https://management.azure.com//.default` is refused).
 */
export const azureClouds = {
  AzureCloud: {
    authorityHost: "https://login.microsoftonline.com",
    resourceManager: "https://management.azure.com",
    graph: "https://graph.microsoft.com",
  },
  AzureUSGovernment: {
    authorityHost: "https://login.microsoftonline.us",
    resourceManager: "https://management.usgovcloudapi.net",
    graph: "https://graph.microsoft.us",
  },
  AzureChinaCloud: {
    authorityHost: "https://login.chinacloudapi.cn",
    resourceManager: "https://management.chinacloudapi.cn",
    graph: "https://microsoftgraph.chinacloudapi.cn",
  },
} as const;

export type AzureCloudName = keyof typeof azureClouds;
export const azureCloudNames = Object.keys(azureClouds) as [AzureCloudName, ...AzureCloudName[]];

/** The `.default` scope of the resource served at `endpoint` (its origin: paths are not audiences). */
export function defaultScopeOf(endpoint: string): string {
  return `${new URL(endpoint).origin}/.default`;
}

/**
 * Whether Entra ID's instance discovery knows this authority host. For any other host (the local
 * emulator, a custom cloud) the SDKs must be told to trust it as given: MSAL and @azure/identity
 * would otherwise ask login.microsoftonline.com about it.
 */
export function isKnownAuthorityHost(authorityHost: string): boolean {
  const host = new URL(authorityHost).host.toLowerCase();
  return Object.values(azureClouds).some((cloud) => new URL(cloud.authorityHost).host === host);
}
