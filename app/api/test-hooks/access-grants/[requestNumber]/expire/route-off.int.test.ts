import { expect, it, vi } from "vitest";
import { demoPortalSuite } from "@/test/demo-portal-suite";
import { asSession } from "@/test/next-request-scope";
import { demoSessionPersonas } from "@/test/persona-sessions";
import { POST } from "./route";

// Without CLUSTERDESK_TEST_HOOKS, as every installation runs: the hook is not there.
vi.hoisted(() => vi.stubEnv("CLUSTERDESK_TEST_HOOKS", undefined));
vi.mock("next/headers", () => import("@/test/next-request-scope"));

const personas = demoSessionPersonas("test-hook-off-token");
demoPortalSuite([personas.admin]);

const post = () =>
  POST(new Request("http://localhost/api/test-hooks/access-grants/1/expire", { method: "POST", headers: { "content-type": "application/json" }, body: "{}" }), { params: Promise.resolve({ requestNumber: "1" }) });

it("is not there unless the setting switches it on, not even for a signed-in admin", async () => {
  // Switched on, these would be 401 (no session) and a JSON answer about request #1.
  expect((await post()).status).toBe(404);
  const answer = await asSession(personas.admin.token, post);
  expect([answer.status, await answer.text()]).toEqual([404, ""]);
});
