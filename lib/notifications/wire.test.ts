import { describe, expect, it } from "vitest";
import { internetMessageIdOf, sendMailBody, teamsCard } from "./wire";

const message = { id: "6f1c0d3e-0000-4000-8000-000000000001", subject: "[Clusterdesk] Request #7 was approved", body: "Alex approved.\nNext line", url: "https://portal.example/requests/7" };

describe("sendMailBody", () => {
  it("is Graph's sendMail shape: one recipient, text body with the link, saved to Sent Items, the row's id as Message-ID", () => {
    const body = sendMailBody(message, { address: "priya.patel@contoso.example", name: "Priya Patel" });
    expect(body.saveToSentItems).toBe(true);
    expect(body.message.toRecipients).toEqual([{ emailAddress: { address: "priya.patel@contoso.example", name: "Priya Patel" } }]);
    expect(body.message.subject).toBe(message.subject);
    expect(body.message.body.contentType).toBe("Text");
    expect(body.message.body.content).toContain("Open in Clusterdesk: https://portal.example/requests/7");
    expect(body.message.internetMessageId).toBe("<6f1c0d3e-0000-4000-8000-000000000001@clusterdesk.notifications>");
    expect(internetMessageIdOf("x")).toMatch(/^<[^<>@\s]+@[^<>@\s]+>$/);
  });

  it("leaves the name out when unknown", () => {
    expect(sendMailBody(message, { address: "a@b.example", name: null }).message.toRecipients).toEqual([{ emailAddress: { address: "a@b.example" } }]);
  });
});

describe("teamsCard", () => {
  it("is a message card with the title, Markdown line breaks and a link action", () => {
    const card = teamsCard(message);
    expect(card).toMatchObject({ "@type": "MessageCard", summary: message.subject, title: "Request #7 was approved", text: "Alex approved.  \nNext line" });
    expect(card.potentialAction).toEqual([{ "@type": "OpenUri", name: "Open in Clusterdesk", targets: [{ os: "default", uri: message.url }] }]);
    expect(teamsCard({ ...message, url: null })).not.toHaveProperty("potentialAction");
  });
});
