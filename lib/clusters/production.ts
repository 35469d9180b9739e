/**
 * Which clusters count as production, from their ARM tags: a tag whose name is one of `keys` with a
 * value among `values` (the seed tags clusters `environment=prod`). Azure treats tag names as
 * case-insensitive; values are compared case-insensitively too, so `Production` cannot slip through.
 */
export type ProductionTagRule = { keys: readonly string[]; values: readonly string[] };

export const defaultProductionTagRule: ProductionTagRule = { keys: ["environment", "env"], values: ["prod", "production"] };

export function isProductionCluster(tags: Readonly<Record<string, string>>, rule: ProductionTagRule): boolean {
  const keys = new Set(rule.keys.map((key) => key.toLowerCase()));
  const values = new Set(rule.values.map((value) => value.trim().toLowerCase()));
  return Object.entries(tags).some(([key, value]) => keys.has(key.toLowerCase()) && values.has(value.trim().toLowerCase()));
}

/** The rule in words, for the forms that must say it before anyone submits. */
export function describeProductionTagRule(rule: ProductionTagRule): string {
  const either = (items: readonly string[]) => (items.length === 1 ? `"${items[0]}"` : `${items.slice(0, -1).map((item) => `"${item}"`).join(", ")} or "${items.at(-1)}"`);
  return `tagged ${either(rule.keys)} = ${either(rule.values)}`;
}
