import { describe, expect, it } from "vitest";
import { azureCloudNames, defaultScopeOf, isKnownAuthorityHost } from "./azure-clouds";
import { parseSettings } from "./settings";

const azureEnvironment = {
  AZURE_TENANT_ID: "11111111-2222-4333-8444-555555555555",
  AZURE_CLIENT_ID: "66666666-7777-4888-8999-000000000000",
  AZURE_CLIENT_SECRET: "s3cret",
  AZURE_SUBSCRIPTION_IDS: "aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee",
  CLUSTERDESK_ADMIN_GROUP_IDS: "12121212-3434-4565-8787-909090909090",
  DATABASE_URL: "postgresql://portal@db.internal:5432/clusterdesk",
  CLUSTERDESK_BASE_URL: "https://clusterdesk.contoso.com",
};

const expected = {
  AzureCloud: ["https://login.microsoftonline.com", "https://management.azure.com/.default", "https://graph.microsoft.com/.default"],
  AzureUSGovernment: ["https://login.microsoftonline.us", "https://management.usgovcloudapi.net/.default", "https://graph.microsoft.us/.default"],
  AzureChinaCloud: ["https://login.chinacloudapi.cn", "https://management.chinacloudapi.cn/.default", "https://microsoftgraph.chinacloudapi.cn/.default"],
};

describe("token scopes and authority follow the configured cloud", () => {
  it.each(azureCloudNames)("%s", (cloud) => {
    const { endpoints } = parseSettings({ ...azureEnvironment, AZURE_CLOUD: cloud });
    expect([endpoints.authorityHost, endpoints.scopes.resourceManager, endpoints.scopes.graph]).toEqual(expected[cloud]);
  });

  it("defaults to the public cloud", () => {
    const { endpoints } = parseSettings(azureEnvironment);
    expect([endpoints.authorityHost, endpoints.scopes.resourceManager, endpoints.scopes.graph]).toEqual(expected.AzureCloud);
  });

  it("derives the scopes from endpoints set one by one", () => {
    const { endpoints } = parseSettings({
      ...azureEnvironment,
      AZURE_RESOURCE_MANAGER_URL: "https://management.usgovcloudapi.net/",
      MICROSOFT_GRAPH_URL: "https://dod-graph.microsoft.us",
    });
    expect(endpoints.scopes).toEqual({ resourceManager: "https://management.usgovcloudapi.net/.default", graph: "https://dod-graph.microsoft.us/.default" });
  });

  it("asks for a custom cloud's ARM audience when it differs from its endpoint", () => {
    const { endpoints } = parseSettings({ ...azureEnvironment, AZURE_RESOURCE_MANAGER_URL: "https://management.local.azurestack.external", AZURE_RESOURCE_MANAGER_AUDIENCE: "https://management.adfs.azurestack.local/4de154de" });
    expect(endpoints.resourceManager).toBe("https://management.local.azurestack.external");
    // An audience is an identifier URI: its path is part of it.
    expect(endpoints.scopes.resourceManager).toBe("https://management.adfs.azurestack.local/4de154de/.default");
  });

  it("refuses a cloud it does not know", () => {
    expect(() => parseSettings({ ...azureEnvironment, AZURE_CLOUD: "AzureGermanCloud" })).toThrow(/AZURE_CLOUD/);
  });

  it("asks the emulator for the public cloud's audiences in local mode (it emulates that cloud)", () => {
    const { endpoints } = parseSettings({});
    expect(endpoints.resourceManager).toBe("https://localhost:8443");
    expect(endpoints.scopes).toEqual({ resourceManager: "https://management.azure.com/.default", graph: "https://graph.microsoft.com/.default" });
  });

  it("never doubles the slash before .default", () => {
    expect(defaultScopeOf("https://management.azure.com/")).toBe("https://management.azure.com/.default");
  });
});

describe("isKnownAuthorityHost", () => {
  it("knows the Microsoft clouds' sign-in hosts and nothing else", () => {
    expect(isKnownAuthorityHost("https://login.microsoftonline.com")).toBe(true);
    expect(isKnownAuthorityHost("https://LOGIN.microsoftonline.us/")).toBe(true);
    expect(isKnownAuthorityHost("https://localhost:8443")).toBe(false);
    expect(isKnownAuthorityHost("https://login.microsoftonline.com.evil.example")).toBe(false);
  });
});
