import { assignedAppRoleValues } from "../graph/app-role-assignments";
import { microsoftGraphAppId } from "../seed/microsoft-graph";
import type { EmulatorState, ServicePrincipal } from "../state";
import { audiences } from "./audiences";
import { emulatorResourceIds } from "./instance-discovery";

/**
 * An app-only token's `roles`: the seed's fixed roles of the app (Clusterdesk's Mail.Send) plus the app
 * roles consented to it on the token's resource through Graph app role assignments (what `setup.sh app`
 * grants). A custom cloud's Graph audience is the emulator's own URL (see instance-discovery.ts).
 */
export function withConsentedRoles(state: EmulatorState, application: ServicePrincipal, audience: string, baseUrl: string): ServicePrincipal {
  const graphAudiences = [audiences.graph, microsoftGraphAppId, ...emulatorResourceIds(baseUrl)].map((id) => id.replace(/\/+$/, ""));
  const isGraph = graphAudiences.includes(audience.replace(/\/+$/, ""));
  const consented = assignedAppRoleValues(state, application.id, (resource) => resource.appId === audience || (isGraph && resource.appId === microsoftGraphAppId));
  return consented.length === 0 ? application : { ...application, appRoles: [...new Set([...application.appRoles, ...consented])] };
}
