import { expect, it, vi } from "vitest";
import { db } from "@/lib/server/db/client";
import { demoPortalSuite } from "@/test/demo-portal-suite";
import { asSession } from "@/test/next-request-scope";
import { demoSessionPersonas } from "@/test/persona-sessions";
import { POST } from "./route";

// Without CLUSTERDESK_TEST_HOOKS, as every installation runs: nobody can backdate an event or archive on demand.
vi.hoisted(() => vi.stubEnv("CLUSTERDESK_TEST_HOOKS", undefined));
vi.mock("next/headers", () => import("@/test/next-request-scope"));

const personas = demoSessionPersonas("audit-archive-off-token");
demoPortalSuite([personas.admin]);

const post = () => POST(new Request("http://localhost/api/test-hooks/audit-archive", { method: "POST", headers: { "content-type": "application/json" }, body: "{}" }));

it("is not there unless the setting switches it on, not even for a signed-in admin", async () => {
  expect((await post()).status).toBe(404);
  const answer = await asSession(personas.admin.token, post);
  expect([answer.status, await answer.text()]).toEqual([404, ""]);
  expect(await db().auditEvent.count({ where: { action: "audit.test_backdated" } })).toBe(0);
  expect(await db().auditArchive.count()).toBe(0);
});
