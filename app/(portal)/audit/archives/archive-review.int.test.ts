import { createHash, randomBytes } from "node:crypto";
import { mkdtemp, readFile, rename, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { demoGroups, demoUsers } from "@/emulator/seed/organisation";
import { checkpointSigningKey } from "@/lib/audit/checkpoint-signature";
import { recordAuditEvent } from "@/lib/server/audit/append-audit-event";
import { archiveAuditLog } from "@/lib/server/audit/archive-audit-log";
import { listAuditArchives } from "@/lib/server/audit/archive-listing";
import { writeAuditCheckpoint } from "@/lib/server/audit/checkpoint";
import { db } from "@/lib/server/db/client";
import { migrate } from "@/lib/server/db/migrations";
import type { TestDatabase } from "@/scripts/lib/test-database";
import { setAppEnvironment } from "@/test/app-under-test";
import { demoPortalSuite } from "@/test/demo-portal-suite";
import { asSession } from "@/test/next-request-scope";
import { demoSessionPersonas, type SessionPersona } from "@/test/persona-sessions";
import { createIsolatedDatabase } from "@/test/support";
import { verifyAuditArchiveAction } from "../_actions/verify-audit-archive";
import { GET } from "./[id]/route";

// The real route and action: sessions, policy, the archive written by archiveAuditLog, files on disk.
vi.mock("next/headers", () => import("@/test/next-request-scope"));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));

const seed = randomBytes(32).toString("base64");
const key = checkpointSigningKey(seed);
const personas = {
  ...demoSessionPersonas("audit-archives"),
  auditor: { objectId: demoUsers.auditor, name: "Olu Adeyemi", groupIds: [demoGroups.clusterdeskAuditors], token: "audit-archives-auditor" },
} satisfies Record<string, SessionPersona>;

// Archiving deletes events for good: this file has a database (and an archive folder) of its own,
// switched to before anything reads the settings (demoPortalSuite's hook runs after this one).
let database: TestDatabase;
let directory: string;
beforeAll(async () => {
  database = await createIsolatedDatabase("audit_archive_review");
  await migrate(database.url);
  directory = await mkdtemp(path.join(tmpdir(), "audit-archive-review-"));
  setAppEnvironment({ DATABASE_URL: database.url, CLUSTERDESK_AUDIT_ARCHIVE_DIR: directory, CLUSTERDESK_AUDIT_CHECKPOINT_KEY: seed });
});
demoPortalSuite(Object.values(personas));

let archiveId = "";
let file = "";
let sha256 = "";
beforeAll(async () => {
  const old = new Date(Date.now() - 40 * 86_400_000);
  for (let index = 1; index <= 5; index += 1) {
    await recordAuditEvent({ actor: { kind: "user", objectId: `archived-${index}`, name: `Archived user ${index}` }, action: "request.created", outcome: "success", after: { index }, occurredAt: old });
  }
  await writeAuditCheckpoint(db(), key, "scheduled");
  await recordAuditEvent({ actor: { kind: "system" }, action: "request.created", outcome: "success" });
  const outcome = await archiveAuditLog(db(), { retentionDays: 30, directory, key });
  if (!outcome.archived) throw new Error(`nothing archived: ${outcome.reason}`);
  archiveId = (await db().auditArchive.findFirstOrThrow()).id.toString();
  ({ file, sha256 } = outcome);
});

afterAll(async () => {
  await db().$disconnect();
  await database.drop();
  await rm(directory, { recursive: true, force: true });
});

const download = (who: SessionPersona | null, id = archiveId) => {
  const call = () => GET(new Request(`http://localhost/audit/archives/${id}`), { params: Promise.resolve({ id }) });
  return who ? asSession(who.token, call) : call();
};
const verify = (who: SessionPersona, id: unknown = archiveId) => asSession(who.token, () => verifyAuditArchiveAction(id, null));
const recorded = (action: "audit.archive_downloaded" | "audit.archive_verified") => db().auditEvent.findMany({ where: { action }, orderBy: { seq: "asc" } });

describe("archived events on the audit page", () => {
  it("lists the archive with its range, period, size, digest and checkpoint", async () => {
    const [archive, ...more] = await listAuditArchives();
    expect(more).toEqual([]);
    const size = (await readFile(file)).length;
    expect(archive).toMatchObject({ id: archiveId, firstSeq: "1", fileName: path.basename(file), sha256, file: { present: true, size }, checkpoint: { id: expect.any(String), keyId: key.keyId } });
    expect(archive?.period?.to.getTime()).toBeLessThan(Date.now() - 39 * 86_400_000);
  });

  it("streams the file to an admin or auditor, byte for byte, and records each download", async () => {
    for (const who of [personas.admin, personas.auditor]) {
      const before = (await recorded("audit.archive_downloaded")).length;
      const answer = await download(who);
      expect(answer.status).toBe(200);
      expect(answer.headers.get("content-disposition")).toBe(`attachment; filename="${path.basename(file)}"`);
      const bytes = Buffer.from(await answer.arrayBuffer());
      expect(createHash("sha256").update(bytes).digest("hex")).toBe(sha256);
      const events = await recorded("audit.archive_downloaded");
      expect(events).toHaveLength(before + 1);
      expect(events.at(-1)).toMatchObject({ actorObjectId: who.objectId, outcome: "success", targetType: "audit_archive", targetId: archiveId, after: { file: path.basename(file), sha256 } });
    }
  });

  it("verifies the file against its row and audit.archived event, and records the verdict", async () => {
    const result = await verify(personas.auditor);
    expect(result).toMatchObject({ ok: true, data: { ok: true, fileName: path.basename(file), checkpoint: "verified", sha256, warnings: [] } });
    expect((await recorded("audit.archive_verified")).at(-1)).toMatchObject({ actorObjectId: demoUsers.auditor, outcome: "success", targetId: archiveId, after: { ok: true } });
  });

  it("refuses team leads and members, reading and recording nothing of the archive", async () => {
    const [downloads, verifications] = [(await recorded("audit.archive_downloaded")).length, (await recorded("audit.archive_verified")).length];
    for (const who of [personas.paymentsLead, personas.searchLead, personas.member]) {
      const answer = await download(who);
      expect(answer.status).toBe(403);
      expect(await answer.json()).toEqual({ error: "Only platform admins and auditors can read archived audit events." });
      expect(await verify(who)).toEqual({ ok: false, error: "Only platform admins and auditors can read archived audit events." });
    }
    expect((await download(null)).status).toBe(401);
    expect((await recorded("audit.archive_downloaded")).length).toBe(downloads);
    expect((await recorded("audit.archive_verified")).length).toBe(verifications);
    // The refusal itself is audited, as every refusal is.
    expect(await db().auditEvent.count({ where: { action: "access.denied", actorObjectId: demoUsers.paymentsLead, after: { path: ["attemptedAction"], equals: "audit.read-archives" } } })).toBe(2);
  });

  it("answers 404 for anything that is not an archive id, never a path", async () => {
    for (const id of ["999999", "0", "abc", "..%2F..%2Fetc%2Fpasswd", "../../etc/passwd", path.basename(file)]) {
      const answer = await download(personas.auditor, id);
      expect(answer.status).toBe(404);
    }
    expect(await verify(personas.auditor, "999999")).toEqual({ ok: false, error: "No audit archive has this id." });
    expect(await verify(personas.auditor, "../audit-1-2.jsonl")).toEqual({ ok: false, error: "Not an archive id." });
  });

  it("reports a tampered file as failed, naming its line and why, and records the failure", async () => {
    const original = await readFile(file, "utf8");
    const lines = original.split("\n");
    const line = lines.findIndex((text) => text.includes('"Archived user 3"')) + 1;
    const seq = (JSON.parse(lines[line - 1] ?? "{}") as { seq: string }).seq;
    await writeFile(file, original.replace('"Archived user 3"', '"Archived user 33"'));
    try {
      const result = await verify(personas.admin);
      expect(result).toMatchObject({ ok: true, data: { ok: false, line, reason: expect.stringMatching(new RegExp(`^event ${seq}: .*altered`)) } });
      expect((await recorded("audit.archive_verified")).at(-1)).toMatchObject({ actorObjectId: demoUsers.admin, outcome: "failure", after: { ok: false, line } });
    } finally {
      await writeFile(file, original);
    }
  });

  it("reports a file that verifies on its own but is not the one recorded", async () => {
    // A blank line changes the bytes, not the chain: with a matching .sha256 beside it the file alone passes.
    const original = await readFile(file, "utf8");
    const replaced = `${original}\n`;
    await writeFile(file, replaced);
    await writeFile(`${file}.sha256`, `${createHash("sha256").update(replaced).digest("hex")}  ${path.basename(file)}\n`);
    try {
      expect(await verify(personas.auditor)).toMatchObject({ ok: true, data: { ok: false, line: 0, reason: expect.stringContaining(`was recorded with ${sha256}: the file was replaced`) } });
    } finally {
      await writeFile(file, original);
      await writeFile(`${file}.sha256`, `${sha256}  ${path.basename(file)}\n`);
    }
  });

  it("says so when the recorded file is missing from the folder", async () => {
    await rename(file, `${file}.moved`);
    try {
      const [archive] = await listAuditArchives();
      expect(archive?.file).toEqual({ present: false, reason: `${path.basename(file)} is missing from the archive folder` });
      expect(await verify(personas.auditor)).toMatchObject({ ok: true, data: { ok: false, line: null, reason: `${path.basename(file)} is missing from the archive folder` } });
      const answer = await download(personas.auditor);
      expect([answer.status, await answer.json()]).toEqual([404, { error: `${path.basename(file)} is missing from the archive folder.` }]);
      expect((await recorded("audit.archive_downloaded")).at(-1)).toMatchObject({ outcome: "failure", actorObjectId: demoUsers.auditor });
    } finally {
      await rename(`${file}.moved`, file);
    }
  });
});
