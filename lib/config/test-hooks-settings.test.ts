import { describe, expect, it } from "vitest";
import { ConfigurationError, parseSettings } from "./settings";

const azureEnvironment = {
  AZURE_TENANT_ID: "11111111-2222-4333-8444-555555555555",
  AZURE_CLIENT_ID: "66666666-7777-4888-8999-000000000000",
  AZURE_CLIENT_SECRET: "s3cret",
  AZURE_SUBSCRIPTION_IDS: "aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee",
  CLUSTERDESK_ADMIN_GROUP_IDS: "12121212-3434-4565-8787-909090909090",
  DATABASE_URL: "postgresql://portal@db.internal:5432/clusterdesk",
  CLUSTERDESK_BASE_URL: "https://clusterdesk.contoso.com",
};

describe("test hooks setting", () => {
  it("is off unless asked for, and may be switched on in local mode (the e2e server does)", () => {
    expect(parseSettings({}).testHooks).toBe(false);
    expect(parseSettings({ CLUSTERDESK_TEST_HOOKS: "true" }).testHooks).toBe(true);
    expect(parseSettings({ NODE_ENV: "production", CLUSTERDESK_MODE: "local", CLUSTERDESK_TEST_HOOKS: "true" }).testHooks).toBe(true);
    expect(parseSettings(azureEnvironment).testHooks).toBe(false);
  });

  it("is refused with a real Azure tenant, naming the variable", () => {
    expect(() => parseSettings({ ...azureEnvironment, CLUSTERDESK_TEST_HOOKS: "true" })).toThrow(ConfigurationError);
    expect(() => parseSettings({ ...azureEnvironment, CLUSTERDESK_TEST_HOOKS: "true" })).toThrow(/CLUSTERDESK_TEST_HOOKS .*local mode/);
    expect(() => parseSettings({ CLUSTERDESK_TEST_HOOKS: "yes" })).toThrow(/CLUSTERDESK_TEST_HOOKS/);
  });
});
