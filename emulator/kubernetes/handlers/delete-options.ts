import { decodeObjectBody } from "../body";
import { isJsonObject } from "../json";
import { badRequest } from "../status";
import type { HandlerContext } from "./context";
import { dryRunRequested } from "./objects";

export type DeleteOptions = {
  dryRun: boolean;
  /** `propagationPolicy: Orphan` (or the old `orphanDependents: true`): owned objects stay. */
  orphan: boolean;
  preconditions: { uid?: string; resourceVersion?: string };
};

function dryRunValues(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === "string") : [];
}

/**
 * DeleteOptions as the real delete handler reads them: the query first, then the body decoded over
 * it. kubectl sends `--dry-run=server` only in the body (`{"kind":"DeleteOptions","dryRun":["All"]}`),
 * so a handler reading the query alone would really delete.
 */
export async function deleteOptions(context: HandlerContext): Promise<DeleteOptions> {
  let dryRun = context.query.getAll("dryRun");
  let propagation = context.query.get("propagationPolicy") ?? "";
  let orphan = context.query.get("orphanDependents") === "true";
  let preconditions: DeleteOptions["preconditions"] = {};
  const raw = await context.readBody();
  if (raw.length > 0) {
    const body = decodeObjectBody(raw, context.contentType);
    if (body.dryRun !== undefined) dryRun = dryRunValues(body.dryRun);
    if (typeof body.propagationPolicy === "string") propagation = body.propagationPolicy;
    if (typeof body.orphanDependents === "boolean") orphan = body.orphanDependents;
    if (isJsonObject(body.preconditions)) {
      const { uid, resourceVersion } = body.preconditions;
      preconditions = { ...(typeof uid === "string" ? { uid } : {}), ...(typeof resourceVersion === "string" ? { resourceVersion } : {}) };
    }
  }
  if (propagation && !["Orphan", "Background", "Foreground"].includes(propagation)) {
    throw badRequest(`propagationPolicy: Unsupported value: "${propagation}": supported values: "Foreground", "Background", "Orphan"`);
  }
  // Foreground deletion is applied like Background: the owned objects go at once either way.
  return { dryRun: dryRunRequested(context.info.verb, dryRun), orphan: propagation === "Orphan" || (propagation === "" && orphan), preconditions };
}
