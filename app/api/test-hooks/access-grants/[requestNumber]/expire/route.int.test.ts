import { describe, expect, it, vi } from "vitest";
import { demoPortalSuite } from "@/test/demo-portal-suite";
import { asSession } from "@/test/next-request-scope";
import { demoSessionPersonas } from "@/test/persona-sessions";
import { POST } from "./route";

// The real route with real sessions; only Next.js's request scope is faked (as for server actions).
// Settings are parsed once, on first use: the hook is switched on before anything reads them.
vi.hoisted(() => vi.stubEnv("CLUSTERDESK_TEST_HOOKS", "true"));
vi.mock("next/headers", () => import("@/test/next-request-scope"));

const personas = demoSessionPersonas("test-hook-on-token");
demoPortalSuite(Object.values(personas));

const post = (requestNumber: string, contentType = "application/json") =>
  POST(new Request(`http://localhost/api/test-hooks/access-grants/${requestNumber}/expire`, { method: "POST", headers: { "content-type": contentType }, body: "{}" }), {
    params: Promise.resolve({ requestNumber }),
  });

describe("the expiry test hook's route, switched on (the e2e server's setting)", () => {
  it("answers only a signed-in platform admin's JSON request, and says what it could not do", async () => {
    expect((await post("1")).status).toBe(401);
    expect((await asSession(personas.paymentsLead.token, () => post("1"))).status).toBe(403);
    expect((await asSession(personas.admin.token, () => post("1", "text/plain"))).status).toBe(415);
    expect((await asSession(personas.admin.token, () => post("0"))).status).toBe(400);
    const unknown = await asSession(personas.admin.token, () => post("999999"));
    expect([unknown.status, await unknown.json()]).toEqual([404, { error: "Request #999999 recorded no grant." }]);
  });
});
