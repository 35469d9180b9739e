import { describe, expect, it } from "vitest";
import { ConfigurationError, localDemoMailSender, parseSettings } from "./settings";

const azure = {
  AZURE_TENANT_ID: "11111111-2222-4333-8444-555555555555",
  AZURE_CLIENT_ID: "66666666-7777-4888-8999-000000000000",
  AZURE_CLIENT_SECRET: "s3cret",
  AZURE_SUBSCRIPTION_IDS: "aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee",
  CLUSTERDESK_ADMIN_GROUP_IDS: "12121212-3434-4565-8787-909090909090",
  DATABASE_URL: "postgresql://portal@db.internal:5432/clusterdesk",
  CLUSTERDESK_BASE_URL: "https://clusterdesk.contoso.com",
};

describe("notification settings", () => {
  it("sends from the demo tenant's mailbox in local mode, from nowhere in Azure mode unless configured", () => {
    expect(parseSettings({}).notifications).toEqual({ mailSender: localDemoMailSender, teamsWebhookUrl: null });
    expect(parseSettings(azure).notifications).toEqual({ mailSender: null, teamsWebhookUrl: null });
    const configured = parseSettings({ ...azure, CLUSTERDESK_MAIL_SENDER: "clusterdesk@contoso.com", CLUSTERDESK_TEAMS_WEBHOOK_URL: "https://contoso.webhook.office.com/webhookb2/x" });
    expect(configured.notifications).toEqual({ mailSender: "clusterdesk@contoso.com", teamsWebhookUrl: "https://contoso.webhook.office.com/webhookb2/x" });
  });

  it("refuses a sender that is neither an address nor an object id, and a webhook that is not https", () => {
    expect(() => parseSettings({ CLUSTERDESK_MAIL_SENDER: "clusterdesk" })).toThrow(ConfigurationError);
    expect(() => parseSettings({ CLUSTERDESK_MAIL_SENDER: "clusterdesk" })).toThrow(/CLUSTERDESK_MAIL_SENDER/);
    expect(() => parseSettings({ CLUSTERDESK_TEAMS_WEBHOOK_URL: "http://teams.example/hook" })).toThrow(/CLUSTERDESK_TEAMS_WEBHOOK_URL/);
    expect(parseSettings({ CLUSTERDESK_MAIL_SENDER: "5e000000-0000-4000-8000-000000000001" }).notifications.mailSender).toBe("5e000000-0000-4000-8000-000000000001");
  });
});
