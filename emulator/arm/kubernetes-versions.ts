import type { Exchange } from "../http/exchange";
import { sendArm } from "./errors";

/**
 * managedClusters listKubernetesVersions (`GET …/locations/{location}/kubernetesVersions`): the same
 * three supported minors everywhere, chosen so the seed's aks-legacy-podid (1.29) is outdated and every
 * other seeded cluster (1.30–1.32) is supported. Shape as in the spec example (values[].version,
 * isPreview, patchVersions).
 */
const supportedMinors = ["1.30", "1.31", "1.32"];

export function listKubernetesVersions(exchange: Exchange): void {
  sendArm(exchange, 200, {
    values: supportedMinors.map((version, index) => ({
      version,
      isDefault: index === supportedMinors.length - 2 ? true : undefined,
      isPreview: false,
      capabilities: { supportPlan: ["KubernetesOfficial"] },
      patchVersions: { [`${version}.4`]: { upgrades: [] } },
    })),
  });
}
