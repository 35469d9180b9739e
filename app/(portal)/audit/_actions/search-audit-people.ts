"use server";

import { z } from "zod";
import type { PickerOption } from "@/lib/access/people-picker";
import { pickerMinimumTermLength } from "@/lib/access/people-picker";
import { searchPrincipalsFor } from "@/lib/server/access/directory-search";
import { authorizeAction } from "@/lib/server/auth/current-user";

export type AuditPeopleSearchResult = { ok: true; options: PickerOption[] } | { ok: false; error: string };

const searchTerm = z
  .string({ error: "Type a name, mail address or UPN." })
  .trim()
  .min(pickerMinimumTermLength, `Type at least ${pickerMinimumTermLength} characters.`)
  .max(100, "Keep the search under 100 characters.");

/**
 * The audit page's person filter: users (the log's actors are people, never groups) by name, mail or
 * UPN, for those who may read the log. The directory answer is the people picker's own, so a lead
 * finds only their tenants' members, as everywhere else; the filter they pick is still checked
 * against their scope by the query. Reads nothing else and changes nothing: nothing to revalidate.
 */
export async function searchAuditPeopleAction(term: unknown): Promise<AuditPeopleSearchResult> {
  const parsed = searchTerm.safeParse(term);
  if (!parsed.success) return { ok: false, error: parsed.error.issues[0]?.message ?? "Type a name to search for." };
  const allowed = await authorizeAction("audit.view", { kind: "audit" });
  if (!allowed.ok) return allowed;
  const found = await searchPrincipalsFor(allowed.user.principal, parsed.data);
  return found.ok ? { ok: true, options: found.options.filter((option) => option.type === "User") } : found;
}
