import { request } from "node:https";
import { describe, expect, it } from "vitest";
import { standaloneServerForSuite } from "./testing/standalone-suite";
import { clusters, rbacModes, users } from "./testing/world";
import { withKubectl } from "./testing/kubectl";

const server = standaloneServerForSuite();

/** kubectl's imperative creates send protobuf bodies (`application/vnd.kubernetes.protobuf`). */
describe.each(rbacModes)("imperative kubectl create on %s", (_label, cluster) => {
  it("creates a namespace, quota, role, rolebinding, configmap and more from protobuf bodies", async () => {
    const token = await server().token(users.clusterAdmin);
    await withKubectl(server().serverUrl(cluster), server().caPem, async (kubectl) => {
      const deployment = ["create", "deployment", "web", "-n", "team-x", "--image=nginx", "--port=80", "--replicas=2", "--", "/bin/sh", "-c", "sleep 1"];
      const created = [
        await kubectl(token, "create", "namespace", "team-x"),
        await kubectl(token, "create", "quota", "compute", "-n", "team-x", "--hard=pods=10,requests.cpu=2,limits.memory=4Gi"),
        await kubectl(token, "create", "role", "reader", "-n", "team-x", "--verb=get,list", "--resource=pods,configmaps"),
        await kubectl(token, "create", "rolebinding", "readers", "-n", "team-x", "--role=reader", "--group=a0000000-0000-4000-8000-0000000000b2", "--user=u@x"),
        await kubectl(token, "create", "configmap", "settings", "-n", "team-x", "--from-literal=mode=fast", "--from-literal=level=3"),
        await kubectl(token, "create", "clusterrole", "watcher", "--verb=watch", "--resource=namespaces"),
        await kubectl(token, "create", "clusterrolebinding", "watchers", "--clusterrole=watcher", "--user=u@x"),
        await kubectl(token, "create", "serviceaccount", "deployer", "-n", "team-x"),
        await kubectl(token, ...deployment),
        await kubectl(token, "create", "poddisruptionbudget", "api", "-n", "team-x", "--selector=app=api", "--min-available=50%"),
      ];
      expect(created.map((result) => result.stderr).join("")).toBe("");
      const read = (...args: string[]) => kubectl(token, "get", ...args, "-o", "json").then((result) => JSON.parse(result.stdout) as { metadata?: object } & Record<string, unknown>);
      expect(await read("ns", "team-x")).toMatchObject({ metadata: { labels: { "kubernetes.io/metadata.name": "team-x" } }, status: { phase: "Active" } });
      expect(await read("quota", "compute", "-n", "team-x")).toMatchObject({ spec: { hard: { pods: "10", "requests.cpu": "2", "limits.memory": "4Gi" } } });
      expect(await read("role", "reader", "-n", "team-x")).toMatchObject({ rules: [{ apiGroups: [""], resources: ["pods", "configmaps"], verbs: ["get", "list"] }] });
      expect(await read("rolebinding", "readers", "-n", "team-x")).toMatchObject({
        roleRef: { apiGroup: "rbac.authorization.k8s.io", kind: "Role", name: "reader" },
        subjects: [
          { apiGroup: "rbac.authorization.k8s.io", kind: "User", name: "u@x" },
          { apiGroup: "rbac.authorization.k8s.io", kind: "Group", name: "a0000000-0000-4000-8000-0000000000b2" },
        ],
      });
      const configMap = await read("configmap", "settings", "-n", "team-x");
      expect(configMap).toMatchObject({ data: { mode: "fast", level: "3" } });
      // Go's zero values on the wire are what JSON would omit: no `selfLink: ""`, no epoch timestamps.
      expect(Object.keys(configMap.metadata ?? {}).sort()).toEqual(["creationTimestamp", "name", "namespace", "resourceVersion", "uid"]);
      expect(await read("pdb", "api", "-n", "team-x")).toMatchObject({ spec: { minAvailable: "50%", selector: { matchLabels: { app: "api" } } } });
      // The server stores what kubectl would have sent as JSON (its client-side dry run shows it), plus defaults.
      const sent = JSON.parse((await kubectl(token, ...deployment.slice(0, 7), "--dry-run=client", "-o", "json", ...deployment.slice(7))).stdout) as { spec: { template: { metadata: { creationTimestamp?: null } } } };
      const { creationTimestamp: _unset, ...templateMetadata } = sent.spec.template.metadata;
      expect(await read("deployment", "web", "-n", "team-x")).toMatchObject({ spec: { replicas: 2, template: { ...sent.spec.template, metadata: templateMetadata }, strategy: { type: "RollingUpdate" } }, status: { readyReplicas: 2 } });
      const dryRun = await kubectl(token, "create", "configmap", "preview", "-n", "team-x", "--dry-run=server");
      expect(dryRun.stdout.trim()).toBe("configmap/preview created (server dry run)");
      expect((await kubectl(token, "get", "configmap", "preview", "-n", "team-x")).code).not.toBe(0);
    });
  });
});

function post(path: string, contentType: string, body: Buffer, token: string): Promise<{ status: number; body: Record<string, unknown> }> {
  return new Promise((resolve, reject) => {
    const call = request(new URL(path, server().url), { method: "POST", ca: server().caPem, headers: { authorization: `Bearer ${token}`, "content-type": contentType } }, (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("end", () => resolve({ status: response.statusCode ?? 0, body: JSON.parse(Buffer.concat(chunks).toString("utf8")) as Record<string, unknown> }));
    });
    call.on("error", reject);
    call.end(body);
  });
}

/** Length-delimited protobuf field: enough to build the `k8s\0` envelope by hand. */
const field = (number: number, value: Buffer): Buffer => Buffer.concat([Buffer.from([(number << 3) | 2, value.length]), value]);

describe("request bodies the emulator cannot read", () => {
  it("answers 415 with a Status for an unknown media type, a kind or a field it does not decode", async () => {
    const token = await server().token(users.clusterAdmin);
    const namespaces = `${new URL(server().serverUrl(clusters.sharedDev)).pathname}/api/v1/namespaces`;
    const cbor = await post(namespaces, "application/cbor", Buffer.from([0xa0]), token);
    expect(cbor).toMatchObject({ status: 415, body: { kind: "Status", reason: "UnsupportedMediaType", code: 415 } });
    expect(cbor.body.message).toContain("accepted media types include: application/json, application/yaml, application/vnd.kubernetes.protobuf");
    const envelope = (apiVersion: string, kind: string, raw: Buffer) =>
      Buffer.concat([Buffer.from("k8s\0", "binary"), field(1, Buffer.concat([field(1, Buffer.from(apiVersion)), field(2, Buffer.from(kind))])), field(2, raw)]);
    const secret = await post(`${new URL(server().serverUrl(clusters.sharedDev)).pathname}/api/v1/namespaces/default/configmaps`, "application/vnd.kubernetes.protobuf", envelope("v1", "Secret", Buffer.alloc(0)), token);
    expect(secret).toMatchObject({ status: 415, body: { reason: "UnsupportedMediaType" } });
    // Namespace field 3 is its status, which the emulator does not decode: refused, not dropped.
    const withStatus = envelope("v1", "Namespace", Buffer.concat([field(1, field(1, Buffer.from("x"))), field(3, field(1, Buffer.from("Active")))]));
    const refused = await post(namespaces, "application/vnd.kubernetes.protobuf", withStatus, token);
    expect(refused).toMatchObject({ status: 415, body: { reason: "UnsupportedMediaType" } });
    expect(refused.body.message).toContain("protobuf field 3");
  });
});
