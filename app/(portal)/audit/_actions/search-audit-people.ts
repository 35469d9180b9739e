"use server";

import { type DirectorySearchResult, searchDirectoryAction } from "../../access/_actions/search-directory";

/**
 * The audit page's person filter: the people picker's directory search (same validation, policy
 * `access.search-directory` — admins, auditors and team leads, exactly the audit log's readers — and
 * a lead finds only their tenants' people), narrowed to users: the log's actors are people, never
 * groups. The filter picked is still checked against the reader's scope by the query. Reads nothing
 * else and changes nothing: nothing to revalidate.
 */
export async function searchAuditPeopleAction(term: unknown): Promise<DirectorySearchResult> {
  const found = await searchDirectoryAction(term);
  return found.ok ? { ok: true, options: found.options.filter((option) => option.type === "User") } : found;
}
