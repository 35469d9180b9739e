import { expect, it, vi } from "vitest";
import { demoPortalSuite } from "@/test/demo-portal-suite";
import { asSession } from "@/test/next-request-scope";
import { demoSessionPersonas } from "@/test/persona-sessions";
import { POST } from "./route";

// Without CLUSTERDESK_TEST_HOOKS, as every installation runs: nobody can make audit reads wait.
vi.hoisted(() => vi.stubEnv("CLUSTERDESK_TEST_HOOKS", undefined));
vi.mock("next/headers", () => import("@/test/next-request-scope"));

const personas = demoSessionPersonas("audit-pause-off-token");
demoPortalSuite([personas.admin]);

const post = () => POST(new Request("http://localhost/api/test-hooks/audit-read-pause", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ milliseconds: 5000 }) }));

it("is not there unless the setting switches it on, not even for a signed-in admin", async () => {
  const started = Date.now();
  expect((await post()).status).toBe(404);
  const answer = await asSession(personas.admin.token, post);
  expect([answer.status, await answer.text()]).toEqual([404, ""]);
  expect(Date.now() - started).toBeLessThan(5000); // no lock was taken and waited out
});
