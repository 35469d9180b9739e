import { ArmError } from "./errors";

/**
 * If-Match / If-None-Match for managed clusters, as the AKS docs table in WIRE-PROTOCOLS §1 states
 * (MicrosoftDocs/azure-aks-docs articles/aks/use-etags.md). Returns the error to answer with, if any;
 * a missing resource on PATCH is left to the caller's 404 and on DELETE to its 204.
 */
export type PreconditionInput = {
  method: "PUT" | "PATCH" | "DELETE";
  ifMatch: string | undefined;
  ifNoneMatch: string | undefined;
  currentEtag: string | undefined;
};

const unquote = (value: string) => value.trim().replace(/^W\//, "").replace(/^"(.*)"$/, "$1");

export function checkPreconditions({ method, ifMatch, ifNoneMatch, currentEtag }: PreconditionInput): ArmError | undefined {
  const match = ifMatch?.trim() ? unquote(ifMatch) : undefined;
  const noneMatch = ifNoneMatch?.trim() ? unquote(ifNoneMatch) : undefined;
  if (match !== undefined && noneMatch !== undefined) {
    return new ArmError(400, "BadRequest", "If-Match and If-None-Match headers cannot be specified together.");
  }
  if (noneMatch !== undefined && noneMatch !== "*") {
    return new ArmError(400, "BadRequest", `If-None-Match header value '${noneMatch}' is not supported; only '*' is allowed.`);
  }
  if (noneMatch === "*" && currentEtag !== undefined && method === "PUT") {
    return new ArmError(412, "PreconditionFailed", "The resource already exists and If-None-Match: * was specified.");
  }
  if (match === undefined) return undefined;
  if (currentEtag === undefined) {
    return method === "PUT" ? new ArmError(412, "PreconditionFailed", `The resource does not exist, but If-Match '${match}' was specified.`) : undefined;
  }
  if (match !== "*" && match !== currentEtag) {
    return new ArmError(412, "PreconditionFailed", `Operation failed because the If-Match value '${match}' does not match the current eTag '${currentEtag}' of the resource.`);
  }
  return undefined;
}
