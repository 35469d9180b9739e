import { randomUUID } from "node:crypto";
import { expect, it } from "vitest";
import { testRequestContext } from "@/lib/server/auth/sign-in.test-helper";
import type { CurrentUser } from "@/lib/server/auth/current-user";
import { db } from "@/lib/server/db/client";
import { recordAuditEvent } from "./append-audit-event";
import { verifyAuditLog } from "./review-verify";

it("verifies the whole chain for a reviewer and records that they did, with the verdict", async () => {
  const objectId = randomUUID();
  const user: CurrentUser = { sessionId: "s", groupIds: [], objectId, displayName: "Olu", userPrincipalName: "olu@contoso.example", principal: { objectId, roles: ["auditor"], ownedTenantIds: [] } };
  const context = testRequestContext();
  await recordAuditEvent({ actor: { kind: "system" }, action: "test.before_verify", outcome: "success" });
  const verdict = await verifyAuditLog(user, context);
  expect(verdict).toMatchObject({ intact: true });
  expect(verdict.count).toBeGreaterThan(0);
  const recorded = await db().auditEvent.findFirstOrThrow({ where: { action: "audit.chain_verified", correlationId: context.correlationId } });
  expect(recorded).toMatchObject({ actorObjectId: objectId, outcome: "success", after: { intact: true, count: verdict.count, firstBrokenSeq: null } });
});
