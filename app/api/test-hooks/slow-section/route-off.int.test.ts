import { expect, it, vi } from "vitest";
import { demoPortalSuite } from "@/test/demo-portal-suite";
import { asSession } from "@/test/next-request-scope";
import { demoSessionPersonas } from "@/test/persona-sessions";
import { slowSection } from "@/lib/server/test-hooks/slow-sections";
import { POST } from "./route";

// Without CLUSTERDESK_TEST_HOOKS, as every installation runs: nobody can slow a page section.
vi.hoisted(() => vi.stubEnv("CLUSTERDESK_TEST_HOOKS", undefined));
vi.mock("next/headers", () => import("@/test/next-request-scope"));

const personas = demoSessionPersonas("slow-section-off-token");
demoPortalSuite([personas.admin]);

const post = () => POST(new Request("http://localhost/api/test-hooks/slow-section", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ section: "request-detail", milliseconds: 5000 }) }));

it("is not there unless the setting switches it on, not even for a signed-in admin", async () => {
  expect((await post()).status).toBe(404);
  const answer = await asSession(personas.admin.token, post);
  expect([answer.status, await answer.text()]).toEqual([404, ""]);
  const started = Date.now();
  await slowSection("request-detail");
  expect(Date.now() - started).toBeLessThan(1000); // nothing was scheduled, nothing waits
});
