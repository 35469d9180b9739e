import { describe, expect, it } from "vitest";
import { ConfigurationError, parseSettings } from "./settings";
import { localDemoOrganisation } from "./local-mode";

const completeAzure = {
  AZURE_TENANT_ID: "11111111-2222-4333-8444-555555555555",
  AZURE_CLIENT_ID: "66666666-7777-4888-8999-000000000000",
  AZURE_CLIENT_SECRET: "s3cret",
  AZURE_SUBSCRIPTION_IDS: "aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee, ffffffff-bbbb-4ccc-8ddd-eeeeeeeeeeee",
  CLUSTERDESK_ADMIN_GROUP_IDS: "12121212-3434-4565-8787-909090909090",
  DATABASE_URL: "postgresql://portal@db.internal:5432/clusterdesk",
  CLUSTERDESK_BASE_URL: "https://clusterdesk.contoso.com",
};

function problemsOf(environment: Record<string, string | undefined>): readonly string[] {
  try {
    parseSettings(environment);
  } catch (error) {
    if (error instanceof ConfigurationError) return error.problems;
    throw error;
  }
  throw new Error("expected a ConfigurationError");
}

describe("parseSettings", () => {
  it("runs in local mode against the emulator when no Azure setting is given", () => {
    const settings = parseSettings({});
    expect(settings.mode).toBe("local");
    expect(settings.tenantId).toBe(localDemoOrganisation.tenantId);
    expect(settings.endpoints.resourceManager).toBe("https://localhost:8443");
    expect(settings.baseUrl).toBe("http://localhost:3000");
    expect(settings.databaseUrl).toBeUndefined();
  });

  it("treats empty variables as unset", () => {
    expect(parseSettings({ AZURE_TENANT_ID: "", DATABASE_URL: "" }).mode).toBe("local");
  });

  it("parses a complete Azure configuration", () => {
    const settings = parseSettings(completeAzure);
    expect(settings.mode).toBe("azure");
    expect(settings.subscriptionIds).toEqual(["aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee", "ffffffff-bbbb-4ccc-8ddd-eeeeeeeeeeee"]);
    expect(settings.endpoints.resourceManager).toBe("https://management.azure.com");
    expect(settings.auditorGroupIds).toEqual([]);
  });

  it("names every missing variable of a half-set Azure configuration", () => {
    const problems = problemsOf({ AZURE_TENANT_ID: completeAzure.AZURE_TENANT_ID, AZURE_CLIENT_ID: completeAzure.AZURE_CLIENT_ID });
    const text = problems.join("\n");
    for (const name of ["AZURE_CLIENT_SECRET", "AZURE_SUBSCRIPTION_IDS", "CLUSTERDESK_ADMIN_GROUP_IDS"]) {
      expect(text).toContain(name);
    }
  });

  it("takes Azure workload identity's federated token file instead of a secret, and needs one of them", () => {
    const { AZURE_CLIENT_SECRET: _secret, ...withoutSecret } = completeAzure;
    expect(parseSettings({ ...withoutSecret, AZURE_FEDERATED_TOKEN_FILE: "/var/run/secrets/azure/tokens/azure-identity-token" }).clientCredential).toEqual({
      kind: "federated-token-file",
      path: "/var/run/secrets/azure/tokens/azure-identity-token",
    });
    expect(parseSettings(completeAzure).clientCredential).toEqual({ kind: "secret", secret: "s3cret" });
    expect(problemsOf(withoutSecret).join("\n")).toContain("one of AZURE_CLIENT_SECRET, AZURE_FEDERATED_TOKEN_FILE (workload identity) or AZURE_CLIENT_CERTIFICATE_PATH missing");
  });

  it("takes a certificate file with its optional password, and exactly one way of proving the portal's identity", () => {
    const { AZURE_CLIENT_SECRET: _secret, ...withoutSecret } = completeAzure;
    const certificate = { ...withoutSecret, AZURE_CLIENT_CERTIFICATE_PATH: "/etc/clusterdesk/portal.pem" };
    expect(parseSettings(certificate).clientCredential).toEqual({ kind: "certificate", path: "/etc/clusterdesk/portal.pem", password: null });
    expect(parseSettings({ ...certificate, AZURE_CLIENT_CERTIFICATE_PASSWORD: "pw" }).clientCredential).toEqual({ kind: "certificate", path: "/etc/clusterdesk/portal.pem", password: "pw" });
    expect(problemsOf({ ...completeAzure, AZURE_CLIENT_CERTIFICATE_PATH: "/etc/clusterdesk/portal.pem" })).toContain(
      "AZURE_CLIENT_SECRET and AZURE_CLIENT_CERTIFICATE_PATH are set together: set exactly one of AZURE_CLIENT_SECRET, AZURE_FEDERATED_TOKEN_FILE (workload identity) or AZURE_CLIENT_CERTIFICATE_PATH",
    );
    expect(problemsOf({ ...completeAzure, AZURE_FEDERATED_TOKEN_FILE: "/var/run/token" }).join("\n")).toContain("AZURE_CLIENT_SECRET and AZURE_FEDERATED_TOKEN_FILE are set together");
    expect(problemsOf({ ...completeAzure, AZURE_CLIENT_CERTIFICATE_PASSWORD: "pw" })).toContain("AZURE_CLIENT_CERTIFICATE_PASSWORD is set without AZURE_CLIENT_CERTIFICATE_PATH");
  });

  it("requires a real database with a real tenant", () => {
    const { DATABASE_URL: _omitted, ...withoutDatabase } = completeAzure;
    expect(problemsOf(withoutDatabase)).toContain("DATABASE_URL is required with a real Azure tenant (the embedded database is for local mode only)");
  });

  it("names a malformed DATABASE_URL", () => {
    expect(problemsOf({ DATABASE_URL: "mysql://localhost/db" }).join("\n")).toMatch(/^DATABASE_URL must be a postgres/m);
    expect(problemsOf({ DATABASE_URL: "not a url" }).join("\n")).toContain("DATABASE_URL");
  });

  it("rejects values that are present but wrong", () => {
    const problems = problemsOf({ ...completeAzure, AZURE_TENANT_ID: "contoso", AZURE_AUTHORITY_HOST: "http://login.example", CLUSTERDESK_TRUSTED_PROXY_HOPS: "many" });
    expect(problems).toEqual(
      expect.arrayContaining([
        "AZURE_TENANT_ID must be a GUID",
        "AZURE_AUTHORITY_HOST must be an https:// URL",
        expect.stringMatching(/^CLUSTERDESK_TRUSTED_PROXY_HOPS /),
      ]),
    );
  });

  it("refuses an empty GUID list", () => {
    expect(problemsOf({ ...completeAzure, CLUSTERDESK_ADMIN_GROUP_IDS: " , " }).join("\n")).toContain("CLUSTERDESK_ADMIN_GROUP_IDS");
  });

  it("re-reads session groups every 5 minutes unless told otherwise, within 1 to 60", () => {
    expect(parseSettings({}).groupRefreshIntervalMs).toBe(5 * 60_000);
    expect(parseSettings({ CLUSTERDESK_GROUP_REFRESH_MINUTES: "10" }).groupRefreshIntervalMs).toBe(10 * 60_000);
    expect(problemsOf({ CLUSTERDESK_GROUP_REFRESH_MINUTES: "0" }).join("\n")).toMatch(/^CLUSTERDESK_GROUP_REFRESH_MINUTES /m);
  });

  it("runs the job workers in web instances unless a separate worker takes them", () => {
    expect(parseSettings({}).inProcessWorkers).toBe(true);
    expect(parseSettings({ CLUSTERDESK_IN_PROCESS_WORKERS: "false" }).inProcessWorkers).toBe(false);
    expect(problemsOf({ CLUSTERDESK_IN_PROCESS_WORKERS: "no" }).join("\n")).toMatch(/^CLUSTERDESK_IN_PROCESS_WORKERS must be true or false/m);
  });

  it("refuses a production start without Azure settings unless local mode is asked for", () => {
    expect(problemsOf({ NODE_ENV: "production" }).join("\n")).toMatch(/^No Azure settings for a production start: .*CLUSTERDESK_MODE=local/m);
    expect(parseSettings({ NODE_ENV: "production", CLUSTERDESK_MODE: "local" }).mode).toBe("local");
    expect(parseSettings({ NODE_ENV: "development" }).mode).toBe("local");
  });

  it("takes CLUSTERDESK_MODE at its word: azure needs the Azure settings, local refuses them", () => {
    expect(problemsOf({ CLUSTERDESK_MODE: "azure" }).join("\n")).toMatch(/AZURE_TENANT_ID/);
    expect(problemsOf({ ...completeAzure, CLUSTERDESK_MODE: "local" }).join("\n")).toMatch(/^CLUSTERDESK_MODE=local but AZURE_TENANT_ID, .* set/m);
    expect(parseSettings({ ...completeAzure, CLUSTERDESK_MODE: "azure", NODE_ENV: "production" }).mode).toBe("azure");
    expect(problemsOf({ CLUSTERDESK_MODE: "demo" }).join("\n")).toMatch(/^CLUSTERDESK_MODE /m);
  });

  it("requires an https base URL with a real tenant", () => {
    const { CLUSTERDESK_BASE_URL: _omitted, ...withoutBaseUrl } = completeAzure;
    expect(problemsOf(withoutBaseUrl)).toContain("CLUSTERDESK_BASE_URL must be the portal's public https:// URL with a real Azure tenant (sign-in redirects and cookies depend on it)");
    expect(problemsOf({ ...completeAzure, CLUSTERDESK_BASE_URL: "http://clusterdesk.contoso.com" }).join("\n")).toContain("CLUSTERDESK_BASE_URL must be the portal's public https:// URL");
  });
});
