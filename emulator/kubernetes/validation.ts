import { isJsonObject, type JsonObject } from "./json";
import type { FieldError } from "./status";
import type { ResourceType } from "./resources";
import { metadataErrors } from "./metadata-validation";
import { kindErrors } from "./kind-validation";

/** The messages of k8s.io/apimachinery/pkg/util/validation, word for word. */
const dns1123LabelPattern = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const dns1123SubdomainPattern = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

export const dns1123LabelMessage =
  "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')";
export const dns1123SubdomainMessage =
  "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";

export function dns1123LabelErrors(value: string): string[] {
  const errors: string[] = [];
  if (value.length > 63) errors.push("must be no more than 63 characters");
  if (!dns1123LabelPattern.test(value)) errors.push(dns1123LabelMessage);
  return errors;
}

export function dns1123SubdomainErrors(value: string): string[] {
  const errors: string[] = [];
  if (value.length > 253) errors.push("must be no more than 253 characters");
  if (!dns1123SubdomainPattern.test(value)) errors.push(dns1123SubdomainMessage);
  return errors;
}

/** Namespaces, and names the real server checks as labels; RBAC objects accept any path segment name. */
const labelNamed = new Set(["namespaces"]);
const pathSegmentNamed = new Set(["roles", "rolebindings", "clusterroles", "clusterrolebindings"]);

export function nameErrors(type: ResourceType, name: string): FieldError[] {
  if (pathSegmentNamed.has(type.resource)) {
    // ValidateRBACName is path.ValidatePathSegmentName: `system:aggregate-to-view` is a valid name.
    const problems = name === "." || name === ".." ? [`may not be '${name}'`] : /[/%]/.test(name) ? [`may not contain '${name.includes("/") ? "/" : "%"}'`] : [];
    return problems.map((detail) => ({ field: "metadata.name", value: name, detail }));
  }
  const problems = labelNamed.has(type.resource) ? dns1123LabelErrors(name) : dns1123SubdomainErrors(name);
  return problems.map((detail) => ({ field: "metadata.name", value: name, detail }));
}

/** resource.Quantity's grammar (k8s.io/apimachinery/pkg/api/resource/quantity.go). */
const quantityPattern = /^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$/;
const suffixes = new Set(["", "n", "u", "m", "k", "M", "G", "T", "P", "E", "Ki", "Mi", "Gi", "Ti", "Pi", "Ei"]);

export function isQuantity(value: string): boolean {
  const match = quantityPattern.exec(value);
  if (!match) return false;
  const [, number = "", suffix = ""] = match;
  if (!/^[+-]?(\d+\.?\d*|\.\d+)$/.test(number)) return false;
  return suffixes.has(suffix) || /^[eE][-+]?\d+$/.test(suffix);
}

export const quantityMessage = "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'";

function quantityMapErrors(map: unknown, path: string): FieldError[] {
  if (!isJsonObject(map)) return [];
  const errors: FieldError[] = [];
  for (const [name, value] of Object.entries(map)) {
    const text = typeof value === "number" ? String(value) : typeof value === "string" ? value : JSON.stringify(value);
    if (!isQuantity(text)) errors.push({ field: `${path}[${name}]`, value: text, detail: quantityMessage });
    else if (text.startsWith("-")) errors.push({ field: `${path}[${name}]`, value: text, detail: "must be greater than or equal to 0" });
  }
  return errors;
}

export function quantityErrors(type: ResourceType, object: JsonObject): FieldError[] {
  const spec = object.spec;
  if (!isJsonObject(spec)) return [];
  if (type.resource === "resourcequotas") return quantityMapErrors(spec.hard, "spec.hard");
  if (type.resource !== "limitranges" || !Array.isArray(spec.limits)) return [];
  return spec.limits.flatMap((limit, index) =>
    isJsonObject(limit)
      ? ["max", "min", "default", "defaultRequest", "maxLimitRequestRatio"].flatMap((key) =>
          quantityMapErrors(limit[key], `spec.limits[${index}].${key}`),
        )
      : [],
  );
}

/** ValidateDeploymentSpec's selector rules: non-empty, and matching the template's labels. */
function deploymentErrors(type: ResourceType, object: JsonObject): FieldError[] {
  if (type.group !== "apps" || type.resource !== "deployments") return [];
  const spec = isJsonObject(object.spec) ? object.spec : {};
  const selector = isJsonObject(spec.selector) ? spec.selector : {};
  const matchLabels = isJsonObject(selector.matchLabels) ? selector.matchLabels : {};
  const expressions = Array.isArray(selector.matchExpressions) ? selector.matchExpressions : [];
  if (Object.keys(matchLabels).length === 0 && expressions.length === 0) return [{ field: "spec.selector", value: "{}", detail: "empty selector is invalid for deployment" }];
  const template = isJsonObject(spec.template) && isJsonObject(spec.template.metadata) ? spec.template.metadata : {};
  const labels = isJsonObject(template.labels) ? template.labels : {};
  const matches = Object.entries(matchLabels).every(([key, value]) => labels[key] === value);
  return matches ? [] : [{ field: "spec.template.metadata.labels", value: JSON.stringify(labels), detail: "`selector` does not match template `labels`" }];
}

export function validateObject(type: ResourceType, object: JsonObject, name: string): FieldError[] {
  const metadata = isJsonObject(object.metadata) ? object.metadata : {};
  return [...nameErrors(type, name), ...metadataErrors(metadata), ...quantityErrors(type, object), ...deploymentErrors(type, object), ...kindErrors(type, object)];
}
