/**
 * What the people picker shows for one directory object: its name and, so two "Alex"es can be told
 * apart, the UPN (or mail) of a user or the size of a group. Client-safe: no Graph types.
 */
export type PickerOption = { objectId: string; type: "User" | "Group"; displayName: string; detail: string };

export type PickerMatch = { objectId: string; type: "User" | "Group"; displayName: string; userPrincipalName: string | null; mail: string | null; memberCount: number | null };

export const pickerSearchLimit = 10;
export const pickerMinimumTermLength = 2;

export function pickerOptionOf(match: PickerMatch): PickerOption {
  if (match.type === "User") return { objectId: match.objectId, type: "User", displayName: match.displayName, detail: match.userPrincipalName ?? match.mail ?? "User" };
  const size = match.memberCount === null ? "size unknown" : `${match.memberCount} ${match.memberCount === 1 ? "member" : "members"}`;
  return { objectId: match.objectId, type: "Group", displayName: match.displayName, detail: `Group · ${size}` };
}

/** Announced to screen readers when results change (the listbox itself is not a live region). */
export function resultCountMessage(count: number): string {
  if (count === 0) return "No user or group matches.";
  return `${count} ${count === 1 ? "result" : "results"} available. Use the up and down arrows to choose, Enter to select.`;
}
