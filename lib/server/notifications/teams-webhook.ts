import "server-only";
import { teamsCard, type OutgoingMessage } from "@/lib/notifications/wire";
import type { SendMailOutcome } from "@/lib/server/azure/graph-mail";

/** Posts a message card to a Teams incoming webhook. The URL is a secret: it is never logged. */
export async function postToTeams(webhookUrl: string, message: OutgoingMessage, signal?: AbortSignal): Promise<SendMailOutcome> {
  try {
    const response = await fetch(webhookUrl, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(teamsCard(message)),
      signal: AbortSignal.any([signal ?? new AbortController().signal, AbortSignal.timeout(15_000)]),
    });
    if (response.ok) return { ok: true };
    const retryable = response.status === 429 || response.status >= 500;
    return { ok: false, retryable, uncertain: false, status: response.status, message: `The Teams webhook answered ${response.status}.` };
  } catch (error) {
    const uncertain = error instanceof Error && (error.name === "TimeoutError" || error.name === "AbortError");
    return { ok: false, retryable: !uncertain, uncertain, status: null, message: uncertain ? "The Teams webhook did not answer in time." : "The Teams webhook could not be reached." };
  }
}
