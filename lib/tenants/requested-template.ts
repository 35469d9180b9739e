import type { TenantEnvironmentPayload } from "@/lib/requests/kinds";
import type { TemplateSnapshot } from "./template-content";
import { type EnvironmentTemplate, environmentTemplates, isTemplateName } from "./templates";

/**
 * The template a tenant-environment request is planned and applied from: the one recorded in the
 * request when it was asked for, so the approver decides on what will be applied whatever an admin
 * edits since. Requests recorded before templates were admin-managed carry only a built-in name.
 * Null: a request naming a template this version cannot know.
 */
export function requestedTemplate(payload: Pick<TenantEnvironmentPayload, "template" | "templateSnapshot">): EnvironmentTemplate | null {
  if (payload.templateSnapshot) return { name: payload.template, ...payload.templateSnapshot };
  return isTemplateName(payload.template) ? environmentTemplates[payload.template] : null;
}

export function snapshotOf(template: EnvironmentTemplate): TemplateSnapshot {
  const { name: _name, ...snapshot } = template;
  void _name;
  return snapshot;
}
