import { writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { standaloneServerForSuite } from "./testing/standalone-suite";
import { clusters, users } from "./testing/world";
import { withKubectl } from "./testing/kubectl";

const server = standaloneServerForSuite();

/** Services, Jobs, Ingresses and autoscalers: what an application's own manifests carry besides a Deployment. */
describe("the kinds an application deploys", () => {
  it("allocates a cluster IP and defaults a Service's ports, and lists it as kubectl get svc does", async () => {
    const token = await server().token(users.clusterAdmin);
    await withKubectl(server().serverUrl(clusters.sharedDev), server().caPem, async (kubectl) => {
      expect(await kubectl(token, "create", "service", "clusterip", "web", "-n", "payments-dev", "--tcp=80:8080")).toMatchObject({ code: 0, stdout: "service/web created\n" });
      const service = JSON.parse((await kubectl(token, "get", "svc", "web", "-n", "payments-dev", "-o", "json")).stdout) as { spec: Record<string, unknown> };
      expect(service.spec).toMatchObject({ type: "ClusterIP", sessionAffinity: "None", ipFamilies: ["IPv4"], ports: [{ name: "80-8080", port: 80, protocol: "TCP", targetPort: 8080 }] });
      expect(service.spec.clusterIP).toMatch(/^10\.0\.\d+\.\d+$/);
      expect(service.spec.clusterIPs).toEqual([service.spec.clusterIP]);
      expect((await kubectl(token, "get", "svc", "web", "-n", "payments-dev")).stdout).toMatch(/^NAME\s+TYPE\s+CLUSTER-IP\s+EXTERNAL-IP\s+PORT\(S\)\s+AGE\nweb\s+ClusterIP\s+10\.0\.\d+\.\d+\s+<none>\s+80\/TCP\s+\d+s\n$/);
    });
  });

  it("refuses what the real validation refuses, naming the field", async () => {
    const token = await server().token(users.clusterAdmin);
    await withKubectl(server().serverUrl(clusters.sharedDev), server().caPem, async (kubectl, directory) => {
      const file = path.join(directory, "invalid.yaml");
      const apply = async (yaml: string) => {
        await writeFile(file, yaml);
        return (await kubectl(token, "apply", "-f", file)).stderr;
      };
      expect(await apply("apiVersion: v1\nkind: Service\nmetadata: { name: empty, namespace: payments-dev }\nspec: { selector: { app: x } }\n")).toContain(
        'The Service "empty" is invalid: spec.ports: Required value',
      );
      expect(
        await apply("apiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata: { name: web, namespace: payments-dev }\nspec: { scaleTargetRef: { apiVersion: apps/v1, kind: Deployment, name: web }, minReplicas: 3, maxReplicas: 2 }\n"),
      ).toContain("spec.maxReplicas: Invalid value: \"2\": must be greater than or equal to `minReplicas`");
      expect(
        await apply(
          "apiVersion: batch/v1\nkind: Job\nmetadata: { name: once, namespace: payments-dev }\nspec:\n  template:\n    spec:\n      restartPolicy: Always\n      containers: [{ name: c, image: busybox }]\n",
        ),
      ).toContain('spec.template.spec.restartPolicy: Unsupported value: "Always": supported values: "OnFailure", "Never"');
      expect((await kubectl(token, "get", "svc,hpa,jobs", "-n", "payments-dev", "-o", "name")).stdout).toBe("");
    });
  });

  it("stores Ingresses, Jobs and autoscalers with their defaults and printer columns", async () => {
    const token = await server().token(users.clusterAdmin);
    await withKubectl(server().serverUrl(clusters.sharedDev), server().caPem, async (kubectl, directory) => {
      const file = path.join(directory, "object.yaml");
      // kubectl create ingress sends protobuf, which the emulator does not decode for Ingress: it says so (415) and apply works.
      expect((await kubectl(token, "create", "ingress", "web", "-n", "payments-dev", "--rule=web.contoso.com/*=web:80")).stderr).toContain("does not decode Ingress (networking.k8s.io/v1) from protobuf; send it as application/json");
      await writeFile(file, "apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata: { name: web, namespace: payments-dev }\nspec:\n  ingressClassName: webapprouting.kubernetes.azure.com\n  tls: [{ hosts: [web.contoso.com], secretName: web-tls }]\n  rules:\n  - host: web.contoso.com\n    http: { paths: [{ path: /, pathType: Prefix, backend: { service: { name: web, port: { number: 80 } } } }] }\n");
      expect((await kubectl(token, "apply", "-f", file)).stdout).toBe("ingress.networking.k8s.io/web created\n");
      expect((await kubectl(token, "get", "ingress", "web", "-n", "payments-dev")).stdout).toMatch(/^web\s+webapprouting\.kubernetes\.azure\.com\s+web\.contoso\.com\s+80, 443\s+\d+s$/m);
      expect((await kubectl(token, "create", "job", "once", "-n", "payments-dev", "--image=busybox")).stdout).toBe("job.batch/once created\n");
      const job = JSON.parse((await kubectl(token, "get", "job", "once", "-n", "payments-dev", "-o", "json")).stdout) as { spec: Record<string, unknown> };
      expect(job.spec).toMatchObject({ completions: 1, parallelism: 1, backoffLimit: 6 });
      await writeFile(file, "apiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata: { name: web, namespace: payments-dev }\nspec:\n  scaleTargetRef: { apiVersion: apps/v1, kind: Deployment, name: web }\n  minReplicas: 2\n  maxReplicas: 5\n  metrics: [{ type: Resource, resource: { name: cpu, target: { type: Utilization, averageUtilization: 70 } } }]\n");
      expect((await kubectl(token, "apply", "-f", file)).stdout).toBe("horizontalpodautoscaler.autoscaling/web created\n");
      expect((await kubectl(token, "get", "hpa", "web", "-n", "payments-dev")).stdout).toMatch(/^web\s+Deployment\/web\s+\S+\s+2\s+5\s+0\s+\d+s$/m);
    });
  });
});
