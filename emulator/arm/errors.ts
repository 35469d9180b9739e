import { randomUUID } from "node:crypto";
import { sendEmpty, sendJson, type Exchange } from "../http/exchange";

/** ARM's error envelope `{"error":{code,message,target?,details?}}` and the headers every ARM response carries. */
export type ArmErrorBody = { code: string; message: string; target?: string; details?: ArmErrorBody[] };

export class ArmError extends Error {
  constructor(readonly status: number, readonly code: string, message: string, readonly target?: string) {
    super(message);
  }
  body(): { error: ArmErrorBody } {
    return { error: { code: this.code, message: this.message, ...(this.target ? { target: this.target } : {}) } };
  }
}

export function armHeaders(exchange: Exchange): Record<string, string> {
  const requestId = randomUUID();
  const clientRequestId = exchange.header("x-ms-client-request-id");
  return {
    "x-ms-request-id": requestId,
    "x-ms-correlation-request-id": exchange.header("x-ms-correlation-request-id") ?? requestId,
    "x-ms-routing-request-id": `WESTEUROPE:${new Date().toISOString().replace(/[-:.]/g, "")}:${requestId}`,
    ...(clientRequestId ? { "x-ms-client-request-id": clientRequestId } : {}),
    "cache-control": "no-cache",
  };
}

export function sendArm(exchange: Exchange, status: number, body: unknown, headers: Record<string, string> = {}): void {
  if (body === undefined) return sendEmpty(exchange, status, { ...armHeaders(exchange), ...headers });
  sendJson(exchange, status, body, { ...armHeaders(exchange), ...headers });
}

export function sendArmError(exchange: Exchange, error: ArmError, headers: Record<string, string> = {}): void {
  sendArm(exchange, error.status, error.body(), headers);
}

export const armErrors = {
  resourceNotFound: (type: string, name: string, resourceGroup: string) =>
    new ArmError(404, "ResourceNotFound", `The Resource '${type}/${name}' under resource group '${resourceGroup}' was not found. For more details please go to https://aka.ms/ARMResourceNotFoundFix`),
  resourceGroupNotFound: (resourceGroup: string) => new ArmError(404, "ResourceGroupNotFound", `Resource group '${resourceGroup}' could not be found.`),
  subscriptionNotFound: (subscriptionId: string) => new ArmError(404, "SubscriptionNotFound", `The subscription '${subscriptionId}' could not be found.`),
  invalidJson: (detail: string) =>
    new ArmError(400, "InvalidRequestContent", `The request content was invalid and could not be deserialized: '${detail}'.`),
  // AKS's words while a cluster operation runs (seen in az CLI output, e.g. Azure/azure-workload-identity#417).
  anotherOperationInProgress: (provisioningState = "Updating") => new ArmError(409, "OperationNotAllowed",
    `Operation is not allowed: Another operation (${provisioningState}) is in progress, please wait for it to finish before starting a new operation. See https://aka.ms/aks-pending-operation for more details`),
};

/** Parses a JSON request body the way ARM reports failures (400 InvalidRequestContent). */
export function parseJsonBody(text: string): unknown {
  if (text.trim() === "") return {};
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw armErrors.invalidJson(`${reason}. Path '', line 1, position 1.`);
  }
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
