/**
 * Graph's query options for directory objects, pure. `$search` needs `"property:term"` clauses joined by
 * OR/AND and tokenises displayName/description (aad-advanced-queries.md); `$filter` supports the basic
 * startswith/eq/in forms that work without ConsistencyLevel.
 */
export class GraphQueryError extends Error {
  constructor(readonly status: number, readonly code: string, message: string) {
    super(message);
  }
}

export type DirectoryRecord = Record<string, unknown> & { id: string };
type Predicate = (item: DirectoryRecord) => boolean;
const unsupported = () => new GraphQueryError(400, "Request_UnsupportedQuery", "Unsupported Query.");
const tokenised = new Set(["displayName", "description"]);

const text = (item: DirectoryRecord, property: string) => {
  const value = item[property];
  return typeof value === "string" ? value.toLowerCase() : "";
};
const words = (value: string) => value.split(/[^\p{L}\p{N}]+/u).filter(Boolean);

function searchClause(clause: string, searchable: readonly string[]): Predicate {
  const separator = clause.indexOf(":");
  const property = separator > 0 ? clause.slice(0, separator) : "displayName";
  const term = (separator > 0 ? clause.slice(separator + 1) : clause).toLowerCase();
  if (!searchable.includes(property)) throw new GraphQueryError(400, "Request_UnsupportedQuery", `Unsupported or invalid search property '${property}'.`);
  if (tokenised.has(property)) {
    const termWords = words(term);
    return (item) => termWords.every((termWord) => words(text(item, property)).some((word) => word.startsWith(termWord)));
  }
  return (item) => text(item, property).startsWith(term);
}

export function parseSearch(search: string, searchable: readonly string[]): Predicate {
  const trimmed = search.trim();
  const clauses: Predicate[] = [];
  const operators: string[] = [];
  const pattern = /\s*"([^"]*)"\s*(?:(OR|AND)\b|$)/gy;
  let match: RegExpExecArray | null;
  let consumed = 0;
  while (consumed < trimmed.length && (match = pattern.exec(trimmed))) {
    clauses.push(searchClause(match[1] ?? "", searchable));
    if (match[2]) operators.push(match[2]);
    consumed = pattern.lastIndex;
  }
  if (clauses.length === 0 || consumed < trimmed.length) {
    throw new GraphQueryError(400, "BadRequest", `Syntax error: character '${trimmed[consumed] ?? ""}' is not valid at position ${consumed} in '${trimmed}'.`);
  }
  return operators.includes("AND") ? (item) => clauses.every((clause) => clause(item)) : (item) => clauses.some((clause) => clause(item));
}

/** `servicePrincipalNames/any(c:c eq 'x')`: a lambda over a string collection, the one form Graph allows there. */
function anyEquals(term: string, filterable: readonly string[]): Predicate | undefined {
  const lambda = /^(\w+)\/any\(\s*(\w+)\s*:\s*(\w+)\s+eq\s+'((?:[^']|'')*)'\s*\)$/i.exec(term);
  if (!lambda) return undefined;
  const [, property = "", variable, used, raw = ""] = lambda;
  if (!filterable.includes(property) || variable !== used) throw unsupported();
  const value = raw.replace(/''/g, "'").toLowerCase();
  return (item) => {
    const entries = item[property];
    return Array.isArray(entries) && entries.some((entry) => typeof entry === "string" && entry.toLowerCase() === value);
  };
}

function filterTerm(term: string, filterable: readonly string[]): Predicate {
  const lambda = anyEquals(term, filterable);
  if (lambda) return lambda;
  const startsWith = /^startswith\(\s*(\w+)\s*,\s*'((?:[^']|'')*)'\s*\)$/i.exec(term);
  const equals = /^(\w+)\s+eq\s+'((?:[^']|'')*)'$/i.exec(term);
  const isIn = /^(\w+)\s+in\s+\(([^)]*)\)$/i.exec(term);
  const property = startsWith?.[1] ?? equals?.[1] ?? isIn?.[1] ?? "";
  if (!filterable.includes(property)) throw unsupported();
  if (startsWith) {
    const value = (startsWith[2] ?? "").replace(/''/g, "'").toLowerCase();
    return (item) => text(item, property).startsWith(value);
  }
  if (equals) {
    const value = (equals[2] ?? "").replace(/''/g, "'").toLowerCase();
    return (item) => text(item, property) === value;
  }
  const values = [...(isIn?.[2] ?? "").matchAll(/'((?:[^']|'')*)'/g)].map((found) => (found[1] ?? "").replace(/''/g, "'").toLowerCase());
  return (item) => values.includes(text(item, property));
}

export function parseFilter(filter: string, filterable: readonly string[]): Predicate {
  const trimmed = filter.trim();
  if (/\s+and\s+/i.test(trimmed) && /\s+or\s+/i.test(trimmed)) throw unsupported();
  if (/\s+or\s+/i.test(trimmed)) {
    const terms = trimmed.split(/\s+or\s+/i).map((term) => filterTerm(term, filterable));
    return (item) => terms.some((term) => term(item));
  }
  const terms = trimmed.split(/\s+and\s+/i).map((term) => filterTerm(term, filterable));
  return (item) => terms.every((term) => term(item));
}

export function select(item: DirectoryRecord, properties: readonly string[] | undefined, known: readonly string[], typeName: string): Record<string, unknown> {
  if (!properties) return item;
  const unknown = properties.find((property) => !known.includes(property));
  if (unknown) throw new GraphQueryError(400, "Request_BadRequest", `Could not find a property named '${unknown}' on type 'microsoft.graph.${typeName}'.`);
  return Object.fromEntries(Object.entries(item).filter(([key]) => key.startsWith("@odata.") || properties.includes(key)));
}
