"use server";

import { z } from "zod";
import type { PickerOption } from "@/lib/access/people-picker";
import { pickerMinimumTermLength } from "@/lib/access/people-picker";
import { searchPrincipalsFor } from "@/lib/server/access/directory-search";
import { authorizeAction } from "@/lib/server/auth/current-user";

export type DirectorySearchResult = { ok: true; options: PickerOption[] } | { ok: false; error: string };

const searchTerm = z
  .string({ error: "Type a name, mail address or UPN." })
  .trim()
  .min(pickerMinimumTermLength, `Type at least ${pickerMinimumTermLength} characters.`)
  .max(100, "Keep the search under 100 characters.");

/**
 * The people picker's search: users and groups by name, mail or UPN, at most ten. Only for those who
 * grant or review access (the policy's `access.search-directory`); a lead sees only their tenants'
 * groups and members. Reads nothing else and changes nothing, so nothing to revalidate.
 */
export async function searchDirectoryAction(term: unknown): Promise<DirectorySearchResult> {
  const parsed = searchTerm.safeParse(term);
  if (!parsed.success) return { ok: false, error: parsed.error.issues[0]?.message ?? "Type a name to search for." };
  const allowed = await authorizeAction("access.search-directory", { kind: "portal" });
  if (!allowed.ok) return allowed;
  return searchPrincipalsFor(allowed.user.principal, parsed.data);
}
