import "server-only";
import { isRestError } from "@azure/core-rest-pipeline";

/** A failure from ARM in Clusterdesk's terms: what happened, and whether trying again can help. */
export type ArmFailure = {
  kind: "not-found" | "precondition-failed" | "conflict" | "throttled" | "unavailable" | "forbidden" | "unauthenticated" | "invalid" | "operation-failed" | "unknown";
  retryable: boolean;
  message: string;
  code: string | undefined;
  statusCode: number | undefined;
};

export function armFailure(error: unknown): ArmFailure {
  if (isRestError(error)) {
    const status = error.statusCode;
    const base = { message: error.message, code: error.code, statusCode: status };
    if (status === 404) return { ...base, kind: "not-found", retryable: false };
    if (status === 412) return { ...base, kind: "precondition-failed", retryable: true };
    // 409 from AKS means another operation is in progress on the cluster (or an ETag race).
    if (status === 409) return { ...base, kind: "conflict", retryable: true };
    if (status === 429) return { ...base, kind: "throttled", retryable: true };
    if (status === 401) return { ...base, kind: "unauthenticated", retryable: false };
    if (status === 403) return { ...base, kind: "forbidden", retryable: false };
    if (status === 400) return { ...base, kind: "invalid", retryable: false };
    if (status !== undefined && status >= 500) return { ...base, kind: "unavailable", retryable: true };
    return { ...base, kind: "unknown", retryable: false };
  }
  const message = error instanceof Error ? error.message : String(error);
  // core-lro throws a plain Error for a long-running operation that ended in Failed (WIRE-PROTOCOLS §1).
  if (/long-running operation has failed/i.test(message)) return { kind: "operation-failed", retryable: false, message, code: undefined, statusCode: undefined };
  // Network errors (connection refused/reset, DNS) are worth another try.
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === "string" && /^E(CONNREFUSED|CONNRESET|TIMEDOUT|AI_AGAIN|PIPE)$/.test(code)) return { kind: "unavailable", retryable: true, message, code, statusCode: undefined };
  return { kind: "unknown", retryable: false, message, code: undefined, statusCode: undefined };
}
