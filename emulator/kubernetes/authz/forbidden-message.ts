import type { AccessAttributes } from "./attributes";

/** k8s.io/apiserver/pkg/endpoints/handlers/responsewriters forbiddenMessage, plus the authorizer's reason. */
export function forbiddenMessage(user: string, attributes: AccessAttributes, reason: string): string {
  const suffix = reason ? `: ${reason}` : "";
  if (!attributes.resourceRequest) return `User "${user}" cannot ${attributes.verb} path "${attributes.path}"${suffix}`;
  const resource = attributes.subresource ? `${attributes.resource}/${attributes.subresource}` : attributes.resource;
  const where = attributes.namespace ? `in the namespace "${attributes.namespace}"` : "at the cluster scope";
  return `User "${user}" cannot ${attributes.verb} resource "${resource}" in API group "${attributes.apiGroup}" ${where}${suffix}`;
}
