import { badRequest } from "./status";

/**
 * Label selectors as k8s.io/apimachinery/pkg/labels parses them (`=`, `==`, `!=`, `in`, `notin`,
 * `key` for exists and `!key` for does-not-exist, comma meaning AND) and the field selectors the
 * emulated resources support.
 */
export type Requirement =
  | { key: string; operator: "in" | "notin"; values: string[] }
  | { key: string; operator: "exists" | "doesNotExist" };

export type LabelSelector = Requirement[];

/** Splits on commas outside parentheses: `a in (x,y),b` has two requirements. */
function splitTopLevel(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = "";
  for (const char of text) {
    if (char === "(") depth += 1;
    if (char === ")") depth -= 1;
    if (char === "," && depth === 0) {
      parts.push(current);
      current = "";
    } else current += char;
  }
  parts.push(current);
  return parts.map((part) => part.trim()).filter((part) => part !== "");
}

const keyPattern = /^([a-z0-9A-Z]([-a-z0-9A-Z_.]*[a-z0-9A-Z])?\/)?[a-z0-9A-Z]([-a-z0-9A-Z_.]*[a-z0-9A-Z])?$/;
const valuePattern = /^([a-z0-9A-Z]([-a-z0-9A-Z_.]*[a-z0-9A-Z])?)?$/;

function checkKey(key: string, selector: string): string {
  if (!keyPattern.test(key)) throw badRequest(`unable to parse requirement: invalid label key "${key}" in selector "${selector}"`);
  return key;
}

function checkValue(value: string, selector: string): string {
  if (!valuePattern.test(value) || value.length > 63) {
    throw badRequest(`unable to parse requirement: invalid label value: "${value}" in selector "${selector}"`);
  }
  return value;
}

function parseRequirement(text: string, selector: string): Requirement {
  const setMatch = /^(\S+)\s+(in|notin)\s*\((.*)\)$/.exec(text);
  if (setMatch) {
    const [, key = "", operator, list = ""] = setMatch;
    const values = list.split(",").map((value) => checkValue(value.trim(), selector));
    return { key: checkKey(key, selector), operator: operator === "in" ? "in" : "notin", values };
  }
  const equality = /^([^!=\s]+)\s*(==|=|!=)\s*(.*)$/.exec(text);
  if (equality) {
    const [, key = "", operator, value = ""] = equality;
    return { key: checkKey(key, selector), operator: operator === "!=" ? "notin" : "in", values: [checkValue(value.trim(), selector)] };
  }
  if (text.startsWith("!")) return { key: checkKey(text.slice(1).trim(), selector), operator: "doesNotExist" };
  return { key: checkKey(text, selector), operator: "exists" };
}

export function parseLabelSelector(selector: string): LabelSelector {
  return splitTopLevel(selector).map((part) => parseRequirement(part, selector));
}

export function matchesLabels(selector: LabelSelector, labels: Record<string, string>): boolean {
  return selector.every((requirement) => {
    const present = Object.hasOwn(labels, requirement.key);
    const value = labels[requirement.key];
    switch (requirement.operator) {
      case "exists":
        return present;
      case "doesNotExist":
        return !present;
      case "in":
        return present && value !== undefined && requirement.values.includes(value);
      case "notin":
        // As in the real selector, `notin` and `!=` match objects that lack the label.
        return !present || value === undefined || !requirement.values.includes(value);
    }
  });
}

export type FieldRequirement = { field: string; equals: boolean; value: string };

/** Field selectors allow only `=`, `==` and `!=`. */
export function parseFieldSelector(selector: string, supported: readonly string[]): FieldRequirement[] {
  return splitTopLevel(selector).map((part) => {
    const match = /^([^!=\s]+)\s*(==|=|!=)\s*(.*)$/.exec(part);
    if (!match) throw badRequest(`invalid selector: '${selector}'; can't understand '${part}'`);
    const [, field = "", operator, value = ""] = match;
    if (!supported.includes(field)) {
      throw badRequest(`field label not supported: ${field}`);
    }
    return { field, equals: operator !== "!=", value: value.trim() };
  });
}

export function matchesFields(requirements: FieldRequirement[], fields: Record<string, string>): boolean {
  return requirements.every((requirement) => (fields[requirement.field] === requirement.value) === requirement.equals);
}
