"use server";

import type { DirectorySearchResult } from "@/app/(portal)/access/_actions/search-directory";
import { searchDirectoryAction } from "@/app/(portal)/access/_actions/search-directory";

/**
 * The people picker for a tenant's owner and member groups: the directory search (same policy and
 * lead scoping), groups only, since tenant rights hang off groups. The server checks the choice again.
 */
export async function searchGroupsAction(term: unknown): Promise<DirectorySearchResult> {
  const found = await searchDirectoryAction(term);
  return found.ok ? { ok: true, options: found.options.filter((option) => option.type === "Group") } : found;
}
