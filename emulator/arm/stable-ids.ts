import { createHash } from "node:crypto";

/** Ids derived from names, so seeded resources keep the same ids on every reset and restart. */
export function stableHash(value: string, length = 8): string {
  return createHash("sha256").update(value.toLowerCase()).digest("hex").slice(0, length);
}

export function stableGuid(value: string): string {
  const hex = stableHash(value, 32);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

