import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/lib/server/db/client";
import { jobQueue, stopJobQueue } from "@/lib/server/jobs/queue";
import { purgeExpiredSignInState } from "./purge-sign-in-state";
import { sessionPolicy } from "./session-policy";
import { signInHousekeepingQueue, startSignInHousekeepingWorker } from "./sign-in-housekeeping";
import { signInLimits } from "./sign-in-limits";

afterAll(() => stopJobQueue());

const now = new Date("2026-11-20T12:00:00Z");
const ago = (ms: number) => new Date(now.getTime() - ms);
const later = (ms: number) => new Date(now.getTime() + ms);
const retention = signInLimits.endedSessionRetentionMs;
const minute = 60_000;

async function attempt(label: string, expiresAt: Date) {
  const id = `${label}-${randomUUID()}`;
  await db().signInAttempt.create({ data: { id, state: id, nonce: "n", codeVerifier: "v", returnTo: "/", clientKey: "192.0.2.1", expiresAt, createdAt: ago(minute) } });
  return id;
}

async function session(userId: string, times: { lastSeenAt: Date; expiresAt: Date; revokedAt?: Date }) {
  const id = randomUUID();
  await db().session.create({ data: { id, userId, groupIds: [], ...times } });
  return id;
}

describe("purging sign-in state", () => {
  it("deletes expired attempts and sessions ended longer ago than the retention, and nothing else", async () => {
    const userId = randomUUID();
    await db().user.create({ data: { id: userId, entraTenantId: randomUUID(), displayName: "Purge Test", userPrincipalName: `${userId}@example.test`, lastSignInAt: now } });
    const live = {
      attempt: await attempt("live", later(minute)),
      session: await session(userId, { lastSeenAt: ago(minute), expiresAt: later(sessionPolicy.absoluteTimeoutMs) }),
      expiredRecently: await session(userId, { lastSeenAt: ago(2 * minute), expiresAt: ago(minute) }),
      revokedRecently: await session(userId, { lastSeenAt: ago(minute), expiresAt: later(minute), revokedAt: ago(minute) }),
      idleRecently: await session(userId, { lastSeenAt: ago(sessionPolicy.idleTimeoutMs + minute), expiresAt: later(minute) }),
    };
    const dead = {
      attempt: await attempt("expired", ago(1)),
      expired: await session(userId, { lastSeenAt: ago(retention + 2 * minute), expiresAt: ago(retention + minute) }),
      revoked: await session(userId, { lastSeenAt: ago(minute), expiresAt: later(minute), revokedAt: ago(retention + minute) }),
      idle: await session(userId, { lastSeenAt: ago(retention + sessionPolicy.idleTimeoutMs + minute), expiresAt: later(minute) }),
    };

    const purged = await purgeExpiredSignInState(now);

    expect(purged.attempts).toBeGreaterThanOrEqual(1);
    expect(purged.sessions).toBeGreaterThanOrEqual(3);
    expect(await db().signInAttempt.count({ where: { id: { in: [live.attempt, dead.attempt] } } })).toBe(1);
    expect(await db().signInAttempt.count({ where: { id: live.attempt } })).toBe(1);
    const remaining = await db().session.findMany({ where: { userId }, select: { id: true } });
    expect(remaining.map(({ id }) => id).sort()).toEqual([live.session, live.expiredRecently, live.revokedRecently, live.idleRecently].sort());
  });

  it("runs as a scheduled job on the portal's queue", async () => {
    const expired = await attempt("job", new Date(Date.now() - minute));
    await startSignInHousekeepingWorker();
    const boss = await jobQueue();
    expect((await boss.getSchedules()).map((schedule) => schedule.name)).toContain(signInHousekeepingQueue);
    await boss.send(signInHousekeepingQueue, {});
    const deadline = Date.now() + 30_000;
    while ((await db().signInAttempt.count({ where: { id: expired } })) > 0) {
      if (Date.now() > deadline) throw new Error("the housekeeping job did not purge the expired attempt");
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  });
});
