import { findUser } from "../directory";
import { type Exchange } from "../http/exchange";
import type { Runtime } from "../runtime";
import type { TokenClaims } from "../entra/jwt";
import { tenantDomain } from "../seed/organisation";
import { GraphQueryError } from "./query";

/**
 * `POST /v1.0/users/{id | userPrincipalName}/sendMail` (https://learn.microsoft.com/graph/api/user-sendmail):
 * validates the message like Graph, answers 202 with no body, and records what was sent for the
 * control API (`GET /_emulator/mail`). Real Graph needs the Mail.Send permission: an app token must
 * carry it in `roles`, a user's token in `scp` and may only send as that user. The sender must be a
 * user of the directory or, as a shared mailbox would be, an address of the demo tenant's domain.
 */
export type SentMail = {
  id: string;
  receivedAt: string;
  sender: string;
  subject: string;
  contentType: string;
  content: string;
  toRecipients: Array<{ address: string; name: string | null }>;
  internetMessageId: string | null;
  saveToSentItems: boolean;
};

export function createMailStore() {
  let sent: SentMail[] = [];
  let next = 1;
  return {
    add(mail: Omit<SentMail, "id" | "receivedAt">): SentMail {
      const record = { ...mail, id: `mail-${next++}`, receivedAt: new Date().toISOString() };
      sent.push(record);
      return record;
    },
    list: (): SentMail[] => [...sent],
    clear: () => {
      sent = [];
    },
  };
}
export type MailStore = ReturnType<typeof createMailStore>;

const bad = (message: string) => new GraphQueryError(400, "BadRequest", message);
const isObject = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);
const address = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function recipientsOf(value: unknown): Array<{ address: string; name: string | null }> {
  if (value === undefined) return [];
  if (!Array.isArray(value)) throw bad("Property toRecipients in payload has a value that does not match schema.");
  return value.map((recipient) => {
    const email = isObject(recipient) && isObject(recipient.emailAddress) ? recipient.emailAddress : null;
    if (!email || typeof email.address !== "string" || !address.test(email.address)) {
      throw new GraphQueryError(400, "ErrorInvalidRecipients", "At least one recipient isn't valid., A message can't be sent because it contains no recipients.");
    }
    return { address: email.address, name: typeof email.name === "string" ? email.name : null };
  });
}

function senderOf(runtime: Runtime, key: string, claims: TokenClaims): string {
  const id = decodeURIComponent(key).toLowerCase();
  const user = findUser(runtime.state(), id);
  if (claims.idtyp === "app") {
    const roles = Array.isArray(claims.roles) ? claims.roles : [];
    if (!roles.includes("Mail.Send")) throw new GraphQueryError(403, "ErrorAccessDenied", "Access is denied. Check credentials and try again.");
  } else {
    const scopes = String(claims.scp ?? "").split(" ");
    if (!scopes.includes("Mail.Send")) throw new GraphQueryError(403, "ErrorAccessDenied", "Access is denied. Check credentials and try again.");
    if (user?.id !== String(claims.oid ?? "")) throw new GraphQueryError(403, "ErrorSendAsDenied", "The user account which was used to submit this request does not have the right to send mail on behalf of the specified sending account.");
  }
  if (user) return user.mail;
  if (id.endsWith(`@${tenantDomain}`)) return id;
  throw new GraphQueryError(404, "ErrorInvalidUser", `The requested user '${decodeURIComponent(key)}' is invalid.`);
}

export async function sendMail(exchange: Exchange, runtime: Runtime, mail: MailStore, key: string, claims: TokenClaims): Promise<void> {
  const sender = senderOf(runtime, key, claims);
  const body: unknown = JSON.parse((await exchange.body()) || "{}");
  if (!isObject(body) || !isObject(body.message)) throw bad("Empty Payload. JSON content expected.");
  const message = body.message;
  const toRecipients = recipientsOf(message.toRecipients);
  const cc = recipientsOf(message.ccRecipients);
  const bcc = recipientsOf(message.bccRecipients);
  if (toRecipients.length + cc.length + bcc.length === 0) throw new GraphQueryError(400, "ErrorInvalidRecipients", "At least one recipient isn't valid., A message can't be sent because it contains no recipients.");
  const content = isObject(message.body) ? message.body : {};
  const contentType = typeof content.contentType === "string" ? content.contentType : "Text";
  if (!/^(text|html)$/i.test(contentType)) throw bad(`Requested value '${contentType}' was not found.`);
  const internetMessageId = typeof message.internetMessageId === "string" ? message.internetMessageId : null;
  if (internetMessageId !== null && !/^<[^<>\s]+@[^<>\s]+>$/.test(internetMessageId)) throw bad("The internet message id must be enclosed in angle brackets and contain '@'.");
  if (body.saveToSentItems !== undefined && typeof body.saveToSentItems !== "boolean") throw bad("Cannot convert the literal to the expected type 'Edm.Boolean'.");
  mail.add({
    sender,
    subject: typeof message.subject === "string" ? message.subject : "",
    contentType,
    content: typeof content.content === "string" ? content.content : "",
    toRecipients: [...toRecipients, ...cc, ...bcc],
    internetMessageId,
    saveToSentItems: body.saveToSentItems !== false,
  });
  exchange.response.writeHead(202, { "content-length": "0", "request-id": crypto.randomUUID() }).end();
}
