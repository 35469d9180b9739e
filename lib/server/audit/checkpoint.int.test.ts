import { randomBytes, randomUUID } from "node:crypto";
import { afterAll, expect, it } from "vitest";
import { checkpointSignatureHolds, checkpointSigningKey } from "@/lib/audit/checkpoint-signature";
import type { CurrentUser } from "@/lib/server/auth/current-user";
import { testRequestContext } from "@/lib/server/auth/sign-in.test-helper";
import { db } from "@/lib/server/db/client";
import { jobQueue, stopJobQueue } from "@/lib/server/jobs/queue";
import { setAuditCheckpointKey } from "@/test/audit-checkpoint-key";

/**
 * Checkpoints are written with every export and by the worker's schedule, signed with the key from
 * the environment. Settings are parsed on first use, so the key is set before anything reads them.
 */
const seed = randomBytes(32).toString("base64");
setAuditCheckpointKey(seed);
const key = checkpointSigningKey(seed);
const { exportAuditEvents } = await import("./export-audit-events");
const { auditCheckpointQueue, startAuditCheckpointWorker } = await import("./checkpoint-queue");

afterAll(async () => {
  setAuditCheckpointKey(undefined);
  await (await jobQueue()).deleteAllJobs(auditCheckpointQueue);
  await stopJobQueue();
});

const auditorId = randomUUID();
const auditor: CurrentUser = {
  sessionId: "s-ck", groupIds: [], objectId: auditorId, displayName: "Cara Checkpoint", userPrincipalName: "cara@contoso.example",
  principal: { objectId: auditorId, roles: ["auditor"], ownedTenantIds: [] },
};

it("signs the head, including the export's own event, when the log is exported", async () => {
  const context = testRequestContext();
  await exportAuditEvents({ scope: { kind: "all" }, filters: { correlationId: context.correlationId }, format: "jsonl" }, auditor, context);
  const exported = await db().auditEvent.findFirstOrThrow({ where: { action: "audit.exported", correlationId: context.correlationId } });
  const checkpoint = await db().auditCheckpoint.findFirstOrThrow({ where: { keyId: key.keyId }, orderBy: { id: "desc" } });
  expect(checkpoint.headSeq).toBeGreaterThanOrEqual(exported.seq);
  expect(checkpointSignatureHolds(key, checkpoint, checkpoint.signature)).toBe(true);
  const head = await db().auditEvent.findUniqueOrThrow({ where: { seq: checkpoint.headSeq } });
  expect(head.hash).toBe(checkpoint.headHash);
});

it("signs the head from the worker as soon as it starts", async () => {
  const before = await db().auditCheckpoint.count({ where: { keyId: key.keyId } });
  await startAuditCheckpointWorker();
  const deadline = Date.now() + 45_000;
  while ((await db().auditCheckpoint.count({ where: { keyId: key.keyId } })) === before && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 250));
  expect(await db().auditCheckpoint.count({ where: { keyId: key.keyId } })).toBeGreaterThan(before);
}, 60_000);
