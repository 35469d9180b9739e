import { execFile } from "node:child_process";
import { writeFile } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import { loadAll } from "js-yaml";
import { beforeAll, describe, expect, it } from "vitest";
import { standaloneServerForSuite } from "@/emulator/kubernetes/testing/standalone-suite";
import { withKubectl } from "@/emulator/kubernetes/testing/kubectl";
import { clusters, users } from "@/emulator/kubernetes/testing/world";
import { artefactEntryPoints } from "@/scripts/lib/artefact-entry-points";

/**
 * The Kustomize overlays a platform team applies to run Clusterdesk on AKS: rendered with the
 * machine's kubectl (kustomize is built in), checked for what a production deployment must hold, and
 * applied with --dry-run=server to an emulated cluster, which validates and admits without storing.
 */
type Labels = Record<string, string>;
type EnvVar = { name: string; value?: string; valueFrom?: { secretKeyRef?: { name: string; key: string } } };
type Container = {
  command: string[];
  env?: EnvVar[];
  image: string;
  ports?: { name: string }[];
  resources: { requests: Labels; limits: Labels };
  securityContext: unknown;
  volumeMounts: { mountPath: string }[];
  startupProbe?: { httpGet?: unknown };
  readinessProbe?: { httpGet?: unknown };
  livenessProbe?: unknown;
};
type PodSpec = {
  securityContext: { runAsNonRoot?: boolean; runAsUser: number };
  serviceAccountName: string;
  containers: Container[];
  topologySpreadConstraints?: { topologyKey: string; labelSelector: { matchLabels: Labels } }[];
};
/** The fields of the rendered kinds that the checks read; the assertions verify their presence. */
type Spec = {
  replicas?: number;
  template?: { metadata: { labels: Labels; annotations?: Labels }; spec: PodSpec };
  selector?: Labels & { matchLabels?: Labels };
  ports?: { name: string; targetPort: string }[];
  rules?: { host: string; http: { paths: { backend: { service: unknown } }[] } }[];
  tls?: { hosts: string[] }[];
  scaleTargetRef?: unknown;
  minReplicas?: number;
  maxReplicas?: number;
  minAvailable?: number;
  policyTypes?: string[];
  ingress?: unknown;
  egress?: unknown;
  podSelector?: { matchLabels: Labels };
};
type Manifest = { apiVersion: string; kind: string; metadata: { name: string; namespace?: string; labels?: Labels; annotations?: Labels }; spec: Spec; data?: Labels };

function present<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`${what} is missing`);
  return value;
}

const overlays = { staging: "clusterdesk-staging", production: "clusterdesk" } as const;
const overlayDir = (overlay: string) => path.join(import.meta.dirname, "overlays", overlay);

async function render(overlay: string): Promise<{ text: string; manifests: Manifest[] }> {
  const { stdout } = await promisify(execFile)("kubectl", ["kustomize", overlayDir(overlay)], { timeout: 60_000 });
  return { text: stdout, manifests: loadAll(stdout) as Manifest[] };
}

const server = standaloneServerForSuite();

describe.each(Object.entries(overlays))("the %s overlay", (overlay, namespace) => {
  let rendered: { text: string; manifests: Manifest[] };
  beforeAll(async () => {
    rendered = await render(overlay);
  });
  const find = (kind: string, name: string): Manifest => {
    const found = rendered.manifests.find((manifest) => manifest.kind === kind && manifest.metadata.name === name);
    if (!found) throw new Error(`${kind}/${name} is not rendered`);
    return found;
  };
  const podSpecs = () =>
    rendered.manifests
      .filter((manifest) => manifest.kind === "Deployment" || manifest.kind === "Job")
      .map((manifest) => {
        const name = `${manifest.kind}/${manifest.metadata.name}`;
        const template = present(manifest.spec.template, `${name}'s pod template`);
        return { name, pod: template.spec, labels: template.metadata.labels, container: present(template.spec.containers[0], `${name}'s container`) };
      });

  it("renders every part of a deployment into its own namespace", () => {
    const kinds = rendered.manifests.map((manifest) => `${manifest.kind}/${manifest.metadata.name}`).sort();
    expect(kinds).toEqual(
      [
        "ConfigMap/clusterdesk-settings",
        "Deployment/clusterdesk-web",
        "Deployment/clusterdesk-worker",
        "HorizontalPodAutoscaler/clusterdesk-web",
        "Ingress/clusterdesk",
        "Job/clusterdesk-migrate",
        `Namespace/${namespace}`,
        "NetworkPolicy/clusterdesk-default-deny",
        "NetworkPolicy/clusterdesk-egress",
        "NetworkPolicy/clusterdesk-metrics-from-monitoring",
        "NetworkPolicy/clusterdesk-web-from-ingress",
        "PodDisruptionBudget/clusterdesk-web",
        "Service/clusterdesk-web",
        "ServiceAccount/clusterdesk",
      ].sort(),
    );
    for (const manifest of rendered.manifests.filter((candidate) => candidate.kind !== "Namespace")) expect(manifest.metadata.namespace, manifest.kind).toBe(namespace);
    expect(find("Namespace", namespace).metadata.labels).toMatchObject({ "pod-security.kubernetes.io/enforce": "restricted" });
  });

  it("runs every pod as non-root on a read-only root filesystem, with resources and a pinned image", () => {
    for (const { name, pod } of podSpecs()) {
      expect(pod.securityContext, name).toMatchObject({ runAsNonRoot: true, seccompProfile: { type: "RuntimeDefault" } });
      expect(pod.securityContext.runAsUser, name).toBeGreaterThan(0);
      for (const container of pod.containers) {
        expect(container.securityContext, name).toEqual({ allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, capabilities: { drop: ["ALL"] } });
        expect(container.resources.requests, name).toHaveProperty("cpu");
        expect(container.resources.requests, name).toHaveProperty("memory");
        expect(container.resources.limits, name).toHaveProperty("memory");
        expect(container.image, name).toMatch(/^clusterdesk\.azurecr\.io\/clusterdesk:(?!latest$)[\w.-]+$/);
        // A read-only root needs somewhere to write temporary files.
        expect(container.volumeMounts.map((mount) => mount.mountPath), name).toContain("/tmp");
      }
    }
  });

  it("keeps secrets out of the manifests and gives the migrator role to the migration Job only", () => {
    const settings = find("ConfigMap", "clusterdesk-settings").data ?? {};
    expect(Object.keys(settings).filter((key) => /SECRET|PASSWORD|DATABASE_URL/.test(key))).toEqual([]);
    expect(rendered.text).not.toMatch(/kind: Secret\b/);
    // Workload identity is the portal's proof of identity: no client secret is referenced anywhere.
    expect(rendered.text).not.toContain("AZURE_CLIENT_SECRET");
    const databaseKey = (name: string) => podSpecs().find((spec) => spec.name === name)?.container.env?.find((variable) => variable.name === "DATABASE_URL")?.valueFrom?.secretKeyRef;
    expect(databaseKey("Job/clusterdesk-migrate")).toEqual({ name: "clusterdesk-database", key: "migrator-url" });
    expect(databaseKey("Deployment/clusterdesk-web")).toEqual({ name: "clusterdesk-database", key: "runtime-url" });
    expect(databaseKey("Deployment/clusterdesk-worker")).toEqual({ name: "clusterdesk-database", key: "runtime-url" });
    for (const { pod } of podSpecs()) {
      for (const variable of pod.containers.flatMap((container) => container.env ?? [])) {
        if (/SECRET|PASSWORD|DATABASE_URL/.test(variable.name)) expect(variable.value, variable.name).toBeUndefined();
      }
    }
  });

  it("serves the portal from two or more spread replicas that neither migrate nor run the jobs, behind probes", () => {
    const web = find("Deployment", "clusterdesk-web");
    const { container, pod, labels } = present(podSpecs().find((spec) => spec.name === "Deployment/clusterdesk-web"), "the web pods");
    expect(web.spec.replicas).toBeGreaterThanOrEqual(2);
    expect(container.command).toContain("--skip-migrations");
    expect(container.env).toContainEqual({ name: "CLUSTERDESK_IN_PROCESS_WORKERS", value: "false" });
    expect(container.readinessProbe?.httpGet).toEqual({ path: "/api/health", port: "http" });
    expect(container.startupProbe?.httpGet).toEqual({ path: "/api/health", port: "http" });
    expect(container.livenessProbe).toBeDefined();
    const spread = pod.topologySpreadConstraints ?? [];
    expect(spread.map((constraint) => constraint.topologyKey).sort()).toEqual(["kubernetes.io/hostname", "topology.kubernetes.io/zone"]);
    for (const constraint of spread) expect(labels).toMatchObject(constraint.labelSelector.matchLabels);

    expect(podSpecs().find((spec) => spec.name === "Deployment/clusterdesk-worker")?.container.command).toEqual(["node", "dist/worker.js"]);
  });

  it("starts the compiled programs of the production artefact, never tsx", () => {
    const compiled = Object.keys(artefactEntryPoints).map((name) => `dist/${name}.js`);
    for (const { name, container } of podSpecs()) {
      expect(container.command[0], name).toBe("node");
      expect(compiled, name).toContain(container.command[1]);
      expect(container.command.join(" "), name).not.toMatch(/tsx|\.ts\b|--import/);
    }
    expect(podSpecs().find((spec) => spec.name === "Job/clusterdesk-migrate")?.container.command).toEqual(["node", "dist/migrate.js"]);
    // The Job also narrows the runtime role to INSERT/SELECT on the audit log (deploy/database/runtime-grants.sql).
    expect(podSpecs().find((spec) => spec.name === "Job/clusterdesk-migrate")?.container.env).toContainEqual({ name: "CLUSTERDESK_RUNTIME_ROLE", value: "clusterdesk_runtime" });
  });

  it("signs audit checkpoints with a key from a Secret in the web and worker pods", () => {
    for (const name of ["Deployment/clusterdesk-web", "Deployment/clusterdesk-worker"]) {
      const key = podSpecs().find((spec) => spec.name === name)?.container.env?.find((variable) => variable.name === "CLUSTERDESK_AUDIT_CHECKPOINT_KEY");
      expect(key?.valueFrom?.secretKeyRef, name).toEqual({ name: "clusterdesk-audit-checkpoint", key: "key" });
    }
  });

  it("wires the Service, Ingress, autoscaler and disruption budget to the portal's pods", () => {
    const web = find("Deployment", "clusterdesk-web");
    const { container, labels: podLabels } = present(podSpecs().find((spec) => spec.name === "Deployment/clusterdesk-web"), "the web pods");
    const service = find("Service", "clusterdesk-web");
    expect(podLabels).toMatchObject(present(service.spec.selector, "the Service's selector"));
    const servicePort = present(service.spec.ports?.[0], "the Service's port");
    expect(container.ports?.map((port) => port.name)).toContain(servicePort.targetPort);
    const ingress = find("Ingress", "clusterdesk").spec;
    const rule = present(ingress.rules?.[0], "the Ingress rule");
    expect(rule.http.paths[0]?.backend.service).toEqual({ name: "clusterdesk-web", port: { name: servicePort.name } });
    expect(ingress.tls?.[0]?.hosts).toEqual([rule.host]);
    expect(find("ConfigMap", "clusterdesk-settings").data?.CLUSTERDESK_BASE_URL).toBe(`https://${rule.host}`);

    const autoscaler = find("HorizontalPodAutoscaler", "clusterdesk-web").spec;
    expect(autoscaler.scaleTargetRef).toEqual({ apiVersion: "apps/v1", kind: "Deployment", name: "clusterdesk-web" });
    expect(autoscaler.minReplicas).toBe(web.spec.replicas);
    expect(autoscaler.maxReplicas).toBeGreaterThan(present(autoscaler.minReplicas, "minReplicas"));
    const budget = find("PodDisruptionBudget", "clusterdesk-web").spec;
    expect(podLabels).toMatchObject(present(budget.selector?.matchLabels, "the budget's selector"));
    expect(budget.minAvailable).toBeLessThan(present(web.spec.replicas, "the web replicas"));
  });

  it("denies all traffic by default and lets only the Ingress controller reach the portal's port", () => {
    const deny = find("NetworkPolicy", "clusterdesk-default-deny").spec;
    expect(deny.policyTypes).toEqual(["Ingress", "Egress"]);
    expect(deny.ingress).toBeUndefined();
    expect(deny.egress).toBeUndefined();
    for (const { labels } of podSpecs()) expect(labels).toMatchObject(present(deny.podSelector, "the default deny's selector").matchLabels);
    const fromIngress = find("NetworkPolicy", "clusterdesk-web-from-ingress").spec;
    expect(fromIngress.ingress).toEqual([{ from: [{ namespaceSelector: { matchLabels: { "kubernetes.io/metadata.name": "app-routing-system" } } }], ports: [{ port: 3000, protocol: "TCP" }] }]);
  });

  it("serves metrics from the web and worker pods on the port the settings name, to the monitoring agents only", () => {
    const port = Number(present(find("ConfigMap", "clusterdesk-settings").data?.CLUSTERDESK_METRICS_PORT, "CLUSTERDESK_METRICS_PORT"));
    expect(port).toBeGreaterThan(0);
    for (const name of ["clusterdesk-web", "clusterdesk-worker"]) {
      const template = present(find("Deployment", name).spec.template, `${name}'s pod template`);
      const container = present(template.spec.containers[0], `${name}'s container`);
      expect(container.ports?.find((candidate) => candidate.name === "metrics"), name).toEqual({ name: "metrics", containerPort: port, protocol: "TCP" });
      expect(template.metadata.annotations, name).toMatchObject({ "prometheus.io/scrape": "true", "prometheus.io/port": String(port) });
    }
    const metrics = find("NetworkPolicy", "clusterdesk-metrics-from-monitoring").spec;
    expect(metrics.ingress).toEqual([{ from: [{ namespaceSelector: { matchLabels: { "kubernetes.io/metadata.name": "kube-system" } } }], ports: [{ port, protocol: "TCP" }] }]);
    // Not through the Service (and so not through the Ingress).
    expect(find("Service", "clusterdesk-web").spec.ports?.map((servicePort) => servicePort.targetPort)).not.toContain(port);
  });

  it("prepares every pod for Azure workload identity through one ServiceAccount", () => {
    const account = find("ServiceAccount", "clusterdesk");
    expect(account.metadata.annotations).toHaveProperty("azure.workload.identity/client-id");
    for (const { name, pod, labels } of podSpecs()) {
      expect(pod.serviceAccountName, name).toBe("clusterdesk");
      expect(labels["azure.workload.identity/use"], name).toBe("true");
    }
  });

  it("is admitted by an AKS API server with --dry-run=server, which stores nothing", async () => {
    const token = await server().token(users.clusterAdmin);
    await withKubectl(server().serverUrl(clusters.sharedDev), server().caPem, async (kubectl, directory) => {
      // The namespace must exist for a server-side dry run of what goes into it, as on a real cluster.
      const namespaceFile = path.join(directory, "namespace.yaml");
      await writeFile(namespaceFile, (await promisify(execFile)("kubectl", ["create", "namespace", namespace, "--dry-run=client", "-o", "yaml"])).stdout);
      expect(await kubectl(token, "apply", "-f", namespaceFile)).toMatchObject({ code: 0 });

      const file = path.join(directory, "rendered.yaml");
      await writeFile(file, rendered.text);
      const applied = await kubectl(token, "apply", "--dry-run=server", "-f", file);
      expect(applied.stderr).toBe("");
      const lines = applied.stdout.trim().split("\n");
      expect(lines).toHaveLength(rendered.manifests.length);
      for (const line of lines) expect(line).toMatch(/ (created|configured|unchanged) \(server dry run\)$/);

      const stored = await kubectl(token, "get", "deployments,services,ingresses,jobs,hpa,pdb,networkpolicies,configmaps", "-n", namespace, "-o", "name");
      expect(stored).toMatchObject({ code: 0, stdout: "" });
    });
  });
});
