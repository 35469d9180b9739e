import { chmod, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { standaloneServerForSuite } from "./testing/standalone-suite";
import { rbacModes, users } from "./testing/world";
import { withKubectl } from "./testing/kubectl";

const server = standaloneServerForSuite();

const configMap = (extra = "") => `apiVersion: v1
kind: ConfigMap
metadata: { name: settings, namespace: payments-dev }
data: { mode: fast }
${extra}`;

/** Default client-side validation needs /openapi/v3: kubectl probes it for fieldValidation support. */
/** kubectl edit runs $KUBE_EDITOR on a temporary file: this one edits it with sed. */
const editor = path.join(tmpdir(), `clusterdesk-editor-${process.pid}.sh`);
beforeAll(async () => {
  await writeFile(editor, "#!/bin/sh\nsed -i 's/mode: slow/mode: edited/' \"$1\"\n");
  await chmod(editor, 0o755);
});
afterAll(() => rm(editor, { force: true }));

describe.each(rbacModes)("kubectl with validation on, against %s", (_label, cluster) => {
  it("creates, applies, diffs, edits and explains", async () => {
    const token = await server().token(users.clusterAdmin);
    await withKubectl(server().serverUrl(cluster), server().caPem, async (kubectl, directory) => {
      const file = path.join(directory, "cm.yaml");
      await writeFile(file, configMap());
      expect(await kubectl(token, "create", "-f", file)).toMatchObject({ code: 0, stdout: "configmap/settings created\n" });
      expect(await kubectl(token, "apply", "-f", file)).toMatchObject({ code: 0, stderr: expect.stringContaining("missing the kubectl.kubernetes.io/last-applied-configuration") });
      await writeFile(file, configMap().replace("fast", "slow"));
      const diff = await kubectl(token, "diff", "-f", file);
      expect(diff.code).toBe(1); // kubectl diff exits 1 when there are differences
      expect(diff.stdout).toMatch(/-\s+mode: fast\n\+\s+mode: slow/);
      expect(await kubectl(token, "apply", "-f", file)).toMatchObject({ code: 0, stdout: "configmap/settings configured\n" });
      const edited = await kubectl(token, "edit", "configmap", "settings", "-n", "payments-dev");
      expect(edited.stderr).toBe("");
      expect((await kubectl(token, "get", "cm", "settings", "-n", "payments-dev", "-o", "jsonpath={.data.mode}")).stdout).toBe("edited");
      const explained = await kubectl(token, "explain", "resourcequota.spec");
      expect(explained.stdout).toContain("hard\t<map[string]");
      expect((await kubectl(token, "explain", "rolebinding.roleRef")).stdout).toContain("apiGroup\t<string> -required-");
    }, { KUBE_EDITOR: editor });
  });

  it("rejects an unknown field as a real server does with strict validation", async () => {
    const token = await server().token(users.clusterAdmin);
    await withKubectl(server().serverUrl(cluster), server().caPem, async (kubectl, directory) => {
      const file = path.join(directory, "cm.yaml");
      await writeFile(file, configMap("spec: { replicas: 2 }\n"));
      const applied = await kubectl(token, "apply", "-f", file);
      expect(applied.code).not.toBe(0);
      expect(applied.stderr).toContain('strict decoding error: unknown field "spec"');
      const serverSide = await kubectl(token, "apply", "--server-side", "-f", file);
      expect(serverSide.stderr).toContain(".spec: field not declared in schema");
      const ignored = await kubectl(token, "apply", "--validate=false", "-f", file);
      expect(ignored.code).toBe(0);
      expect((await kubectl(token, "get", "cm", "settings", "-n", "payments-dev", "-o", "jsonpath={.spec}")).stdout).toBe("");
    });
  });
});
