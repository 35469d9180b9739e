import { expect, it } from "vitest";
import { createKubernetesSide } from "@/emulator/kubernetes";
import { demoSubscriptions } from "@/emulator/seed/organisation";
import { clusterResourceId } from "@/lib/clusters/resource-id";
import { environmentTemplates } from "@/lib/tenants/templates";
import { environmentOnCluster } from "@/lib/server/tenants/environment-on-cluster";
import { demoPortalSuite } from "@/test/demo-portal-suite";
import { demoSessionPersonas } from "@/test/persona-sessions";

// The SDK's models call `from` `_from` and `default` `_default`: a manifest sent as plain JSON lost
// both (an ingress rule without `from` allows every source). Through the real SDK against the emulator.
const portal = demoPortalSuite(Object.values(demoSessionPersonas("manifest-fields")), { kubernetes: createKubernetesSide });
const legacy = clusterResourceId({ subscriptionId: demoSubscriptions.nonProduction, resourceGroup: "rg-dev", name: "aks-legacy-podid" });

it("applies and reads back the fields the SDK renames: NetworkPolicy ingress `from`, LimitRange `default`", async () => {
  const template = { ...environmentTemplates.sandbox, ingressNamespace: "app-routing-system" };
  const payload = { tenantSlug: "payments", environment: "fields", namespace: "payments-fields", template: "sandbox" };
  const onCluster = await environmentOnCluster(portal.tenants.payments, legacy, payload, "manifest-fields", template);
  for (const object of onCluster.rendered.objects) await onCluster.client.apply(object);
  const read = async (name: string) => {
    const object = onCluster.rendered.objects.find((candidate) => candidate.metadata.name === name);
    if (!object) throw new Error(`${name} is not rendered`);
    return (await onCluster.client.read(object)) as { spec?: Record<string, unknown> } | null;
  };
  expect((await read("clusterdesk-allow-ingress"))?.spec?.ingress).toEqual([{ from: [{ namespaceSelector: { matchLabels: { "kubernetes.io/metadata.name": "app-routing-system" } } }] }]);
  expect((await read("clusterdesk-allow-same-namespace"))?.spec?.ingress).toEqual([{ from: [{ podSelector: {} }] }]);
  expect((await read("clusterdesk-defaults"))?.spec?.limits).toEqual([{ type: "Container", defaultRequest: { cpu: "50m", memory: "64Mi" }, default: { cpu: "250m", memory: "256Mi" } }]);
});
