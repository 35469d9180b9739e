import { z } from "zod";
import { isDns1123Label, isReservedNamespace } from "./environment-names";
import { parseQuantity } from "./quantity";
import { checkQuota } from "./quota";
import { type TemplateContent, maxTemplateNameLength, podSecurityLevels, taintEffects, templateNamePattern } from "./template-content";
import { type TemplateFormValues, defaultFields, placementFields, quotaFields } from "./template-fields";
import type { EnvironmentTemplate } from "./templates";

/** A label or taint key: an optional DNS subdomain prefix and a name (https://kubernetes.io/docs/concepts/overview/working-with-objects/labels/#syntax-and-character-set). */
const qualifiedName = /^([a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*\/)?[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$/;
const labelValue = /^([A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?)?$/;

const text = (label: string, max: number) => z.string().trim().min(1, `Enter a ${label}.`).max(max, `Keep the ${label} under ${max} characters.`);
const optionalText = z.string().trim().default("");
const level = z.enum(podSecurityLevels, { error: "Choose privileged, baseline or restricted." });

function quantity(label: string) {
  return z
    .string()
    .trim()
    .superRefine((value, context) => {
      const parsed = parseQuantity(value);
      if (value === "") context.addIssue({ code: "custom", message: `${label}: enter a quantity, e.g. 500m or 512Mi.` });
      else if (!parsed.ok) context.addIssue({ code: "custom", message: `${label}: ${parsed.message}` });
      else if (parsed.value < 0) context.addIssue({ code: "custom", message: `${label} cannot be negative.` });
    });
}

const flatShape = {
  name: z
    .string()
    .trim()
    .min(1, "Enter a name, e.g. standard.")
    .max(maxTemplateNameLength, `A template name has at most ${maxTemplateNameLength} characters.`)
    .regex(templateNamePattern, "Use lower-case letters, digits and '-', starting and ending with a letter or digit (e.g. batch-jobs)."),
  label: text("display name", 60),
  description: text("description", 400),
  enforce: level,
  warn: level,
  audit: level,
  // Quota figures are checked together below (checkQuota), each message naming its resource.
  ...(Object.fromEntries(quotaFields.map((field) => [field.name, z.string().trim()])) as Record<(typeof quotaFields)[number]["name"], z.ZodString>),
  ...(Object.fromEntries(defaultFields.map((field) => [field.name, quantity(field.label)])) as Record<(typeof defaultFields)[number]["name"], z.ZodString>),
  ...(Object.fromEntries(placementFields.map((field) => [field.name, optionalText])) as Record<(typeof placementFields)[number]["name"], typeof optionalText>),
  taintEffect: z.enum(taintEffects, { error: "Choose NoSchedule, PreferNoSchedule or NoExecute." }).default("NoSchedule"),
  serviceAccount: optionalText,
  ingressNamespace: optionalText,
};

type Flat = z.infer<z.ZodObject<typeof flatShape>>;

function checkFlat(flat: Flat, context: z.RefinementCtx) {
  const add = (path: string, message: string) => context.addIssue({ code: "custom", path: [path], message });
  const quota = checkQuota(Object.fromEntries(quotaFields.map((field) => [field.name, flat[field.name]])));
  if (!quota.ok) for (const [resource, message] of Object.entries(quota.errors)) add(resource, message);
  for (const resource of ["cpu", "memory"] as const) {
    const suffix = resource === "cpu" ? "Cpu" : "Memory";
    const request = parseQuantity(flat[`defaultRequest${suffix}`]);
    const limit = parseQuantity(flat[`defaultLimit${suffix}`]);
    if (request.ok && limit.ok && request.value > limit.value) add(`defaultRequest${suffix}`, `The default ${resource} request (${flat[`defaultRequest${suffix}`]}) is above the default ${resource} limit (${flat[`defaultLimit${suffix}`]}).`);
  }
  const placement = [flat.taintKey, flat.taintValue, flat.poolLabelKey, flat.poolLabelValue];
  if (placement.some((value) => value !== "")) {
    for (const key of ["taintKey", "poolLabelKey"] as const) {
      if (flat[key] === "") add(key, "A dedicated node pool needs both the taint to tolerate and the label to select: fill in this key, or clear all four.");
      else if (!qualifiedName.test(flat[key]) || flat[key].length > 316) add(key, `${flat[key]} is not a Kubernetes label key (an optional prefix like example.com/ and a name of letters, digits, '-', '_', '.').`);
    }
    for (const key of ["taintValue", "poolLabelValue"] as const) {
      if (!labelValue.test(flat[key]) || flat[key].length > 63) add(key, `${flat[key]} is not a Kubernetes label value (at most 63 letters, digits, '-', '_', '.').`);
    }
  }
  if (flat.serviceAccount !== "" && !isDns1123Label(flat.serviceAccount)) add("serviceAccount", `${flat.serviceAccount} is not a valid ServiceAccount name (lower-case letters, digits and '-').`);
  if (flat.ingressNamespace !== "" && !isDns1123Label(flat.ingressNamespace)) add("ingressNamespace", `${flat.ingressNamespace} is not a valid namespace name (lower-case letters, digits and '-').`);
  // app-routing-system is AKS's application routing add-on (its ingress controller); the other reserved ones are the cluster's own.
  else if (flat.ingressNamespace !== "" && flat.ingressNamespace !== "app-routing-system" && isReservedNamespace(flat.ingressNamespace)) {
    add("ingressNamespace", `${flat.ingressNamespace} is the cluster's own namespace; name the namespace of your ingress controller, e.g. app-routing-system or ingress-nginx.`);
  }
}

function toTemplate(flat: Flat): EnvironmentTemplate {
  const content: TemplateContent = {
    podSecurity: { enforce: flat.enforce, warn: flat.warn, audit: flat.audit },
    quota: Object.fromEntries(quotaFields.map((field) => [field.name, flat[field.name]])) as TemplateContent["quota"],
    containerDefaults: { request: { cpu: flat.defaultRequestCpu, memory: flat.defaultRequestMemory }, limit: { cpu: flat.defaultLimitCpu, memory: flat.defaultLimitMemory } },
    placement: flat.taintKey === "" ? null : { taint: { key: flat.taintKey, value: flat.taintValue, effect: flat.taintEffect }, label: { key: flat.poolLabelKey, value: flat.poolLabelValue } },
    workloadIdentity: flat.serviceAccount === "" ? null : { serviceAccount: flat.serviceAccount },
    ingressNamespace: flat.ingressNamespace === "" ? null : flat.ingressNamespace,
  };
  return { name: flat.name, label: flat.label, description: flat.description, ...content };
}

/** The template form, as submitted: every field checked, each message naming its field; the result is the template to store. */
export const templateForm = z.object(flatShape).superRefine(checkFlat).transform(toTemplate);

/** A stored template as the form's initial values (editing). */
export function templateFormValues(template: EnvironmentTemplate): TemplateFormValues {
  return {
    name: template.name,
    label: template.label,
    description: template.description,
    ...template.podSecurity,
    ...template.quota,
    defaultRequestCpu: template.containerDefaults.request.cpu,
    defaultRequestMemory: template.containerDefaults.request.memory,
    defaultLimitCpu: template.containerDefaults.limit.cpu,
    defaultLimitMemory: template.containerDefaults.limit.memory,
    taintKey: template.placement?.taint.key ?? "",
    taintValue: template.placement?.taint.value ?? "",
    taintEffect: template.placement?.taint.effect ?? "NoSchedule",
    poolLabelKey: template.placement?.label.key ?? "",
    poolLabelValue: template.placement?.label.value ?? "",
    serviceAccount: template.workloadIdentity?.serviceAccount ?? "",
    ingressNamespace: template.ingressNamespace ?? "",
  };
}

/** A template without its name, label and description: what `tenant_template.content` and a request's snapshot hold. */
export function contentOf(template: EnvironmentTemplate): TemplateContent {
  const { name: _name, label: _label, description: _description, ...content } = template;
  void [_name, _label, _description];
  return content;
}
