/**
 * The wire shapes of a notification: Microsoft Graph's sendMail body and a Teams incoming webhook's
 * message card. Pure, so the shapes are unit-tested without a network.
 * https://learn.microsoft.com/graph/api/user-sendmail (202 Accepted, empty body)
 */
export type OutgoingMessage = {
  id: string;
  subject: string;
  body: string;
  /** Absolute link to the portal page the message is about. */
  url: string | null;
};

export type Recipient = { address: string; name: string | null };

/**
 * The outbox row's id travels as the message's Internet Message-ID, so a message whose fate is
 * uncertain (the process died after the send) can be found in the sender's Sent Items.
 */
export function internetMessageIdOf(messageId: string): string {
  return `<${messageId}@clusterdesk.notifications>`;
}

export function sendMailBody(message: OutgoingMessage, to: Recipient) {
  const link = message.url ? `\n\nOpen in Clusterdesk: ${message.url}` : "";
  return {
    message: {
      subject: message.subject,
      body: { contentType: "Text", content: `${message.body}${link}\n\n-- \nClusterdesk. Choose what you hear about under Settings → Notifications.` },
      toRecipients: [{ emailAddress: to.name ? { address: to.address, name: to.name } : { address: to.address } }],
      internetMessageId: internetMessageIdOf(message.id),
    },
    saveToSentItems: true,
  };
}

/** A legacy actionable message card: what Teams' incoming webhooks accept (a Workflows webhook takes it too). */
export function teamsCard(message: OutgoingMessage) {
  return {
    "@type": "MessageCard",
    "@context": "https://schema.org/extensions",
    summary: message.subject,
    title: message.subject.replace(/^\[Clusterdesk\] /, ""),
    text: message.body.replace(/\n/g, "  \n"),
    ...(message.url ? { potentialAction: [{ "@type": "OpenUri", name: "Open in Clusterdesk", targets: [{ os: "default", uri: message.url }] }] } : {}),
  };
}
