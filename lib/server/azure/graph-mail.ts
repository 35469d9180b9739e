import "server-only";
import { GraphError, RetryHandlerOptions } from "@microsoft/microsoft-graph-client";
import { sendMailBody, type OutgoingMessage, type Recipient } from "@/lib/notifications/wire";
import { graph } from "./graph";

/**
 * `uncertain`: no answer within the time limit, so Graph may have accepted the message; sending
 * again could deliver it twice.
 */
export type SendMailOutcome = { ok: true } | { ok: false; retryable: boolean; uncertain: boolean; status: number | null; message: string };

/**
 * Sends one message from `sender`'s mailbox (application permission Mail.Send). No SDK retries:
 * a retried POST could send twice, and the notification job owns retries (at most once per row).
 */
export async function sendMail(sender: string, message: OutgoingMessage, to: Recipient, signal?: AbortSignal): Promise<SendMailOutcome> {
  try {
    await graph()
      .api(`/users/${encodeURIComponent(sender)}/sendMail`)
      .version("v1.0")
      .middlewareOptions([new RetryHandlerOptions(0, 0)])
      .option("signal", AbortSignal.any([signal ?? new AbortController().signal, AbortSignal.timeout(15_000)]))
      .post(sendMailBody(message, to));
    return { ok: true };
  } catch (error) {
    const status = error instanceof GraphError && error.statusCode > 0 ? error.statusCode : null;
    const text = error instanceof Error ? error.message : String(error);
    // 4xx other than throttling will not get better by waiting (bad address, no permission).
    const retryable = status === null || status === 429 || status >= 500;
    const uncertain = status === null && error instanceof Error && (error.name === "TimeoutError" || error.name === "AbortError");
    return { ok: false, retryable: retryable && !uncertain, uncertain, status, message: status ? `Graph answered ${status}: ${text}` : text };
  }
}
