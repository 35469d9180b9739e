import { decodeObjectBody } from "../body";
import { badRequest } from "../status";
import type { HandlerContext } from "./context";

export type DeleteOptions = { dryRun: boolean };

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
  const raw = await context.readBody();
  if (raw.length > 0) {
    const body = decodeObjectBody(raw, context.contentType);
    if (body.dryRun !== undefined) dryRun = dryRunValues(body.dryRun);
  }
  // ValidateDryRun: "All" is the only value the API server knows.
  const unknown = dryRun.find((value) => value !== "All");
  if (unknown !== undefined) throw badRequest(`dryRun: Unsupported value: "${unknown}": supported values: "All"`);
  return { dryRun: dryRun.includes("All") };
}
