import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { localDemoOrganisation } from "@/lib/config/local-mode";
import { db } from "@/lib/server/db/client";
import { createChangeRequest } from "@/lib/server/requests/create-request";
import { testContext } from "@/lib/server/requests/requests-fixtures.test-helper";
import { adminGroupId, attempt, notificationSuite } from "./notification-suite.test-helper";
import { deliverNotification } from "./deliver";
import { fanOutToDirectory, FanOutRetry } from "./directory-fan-out";

/**
 * Approvers who never signed in to Clusterdesk are found in the directory (the emulator's Graph,
 * with the real Graph client) after the request's transaction, and get their e-mail once.
 */
const suite = notificationSuite();

/** The admin group's users as the directory has them, each with the address mail goes to. */
function directoryAdmins() {
  const state = suite.emulator.state();
  const memberIds = new Set(state.groups.find((group) => group.id === adminGroupId)?.members ?? []);
  return state.users.filter((user) => memberIds.has(user.id)).map((user) => ({ id: user.id.toLowerCase(), address: user.mail ?? user.userPrincipalName }));
}

async function leadRequest() {
  const lead = { kind: "user" as const, objectId: randomUUID(), name: "Fay Fanout", upn: `fay.${randomUUID().slice(0, 6)}@contoso.example` };
  return createChangeRequest(
    {
      kind: "authorized-ip-ranges",
      clusterResourceId: `/subscriptions/s/resourcegroups/rg/providers/microsoft.containerservice/managedclusters/aks-fan-${randomUUID().slice(0, 8)}`,
      tenantId: null,
      payload: { add: [{ range: "203.0.113.77/32", lifetimeSeconds: null, owner: "ci" }], remove: [] },
      justification: "Fan-out runner",
      decideBy: null,
    },
    lead,
    testContext,
  );
}

/**
 * The test runs the fan-out itself: its queued job is taken out of the queue first, as workers of
 * other test files share this database and would otherwise race it.
 */
async function takeFanOutJob(messageId: string): Promise<number> {
  return db().$executeRaw`DELETE FROM pgboss.job WHERE name = 'notification-fan-out' AND singleton_key = ${messageId}`;
}

const fanOutRowOf = (requestId: string) => db().notificationMessage.findFirstOrThrow({ where: { requestId, status: { in: ["fan-out", "fanned-out", "failed"] }, recipientId: null, channel: "email" } });
const approvalMessages = (requestId: string) => db().notificationMessage.findMany({ where: { requestId, category: "approvals", recipientId: { not: null } }, orderBy: { recipientId: "asc" } });

describe("directory fan-out of a group audience", () => {
  it("writes one message for each admin the directory lists, including those who never signed in, and nothing twice", async () => {
    // An Entra administrator makes one more person a platform admin; they never signed in here.
    const newcomer = suite.emulator.state().users.find((user) => !directoryAdmins().some((admin) => admin.id === user.id.toLowerCase()));
    suite.emulator.changeDirectory({ kind: "add-member", groupId: adminGroupId, memberId: newcomer?.id ?? "" });
    const admins = directoryAdmins();
    expect(admins.length).toBeGreaterThan(2);
    // One admin is known from sign-in and already has a message from the request's transaction;
    // another chose the digest (a stored preference, without having a message yet).
    const [known, digester] = admins.filter((admin) => admin.id !== newcomer?.id.toLowerCase());
    await db().user.upsert({
      where: { id: known?.id ?? "" },
      create: { id: known?.id ?? "", entraTenantId: localDemoOrganisation.tenantId, displayName: "Known Admin", userPrincipalName: known?.address ?? "", lastSignInAt: new Date() },
      update: {},
    });
    await db().session.create({ data: { id: randomUUID(), userId: known?.id ?? "", groupIds: [adminGroupId], lastSeenAt: new Date(), expiresAt: new Date(Date.now() + 3_600_000) } });
    await db().notificationPreference.upsert({ where: { userId: digester?.id ?? "" }, create: { userId: digester?.id ?? "", approvalDigest: true }, update: { approvalDigest: true, approvals: true } });

    const request = await leadRequest();
    const fanOut = await fanOutRowOf(request.id);
    expect(fanOut).toMatchObject({ status: "fan-out", recipientName: "Platform admins in the directory", category: "approvals" });
    expect(await takeFanOutJob(fanOut.id)).toBe(1);
    const before = await approvalMessages(request.id);
    expect(before.map((row) => row.recipientId?.toLowerCase())).toContain(known?.id);

    // People other test files signed in with the admin group are known too: they already have theirs.
    const alreadyTold = new Set(before.map((row) => row.recipientId?.toLowerCase()));
    const result = await fanOutToDirectory(fanOut.id, attempt());
    expect(result).toEqual({ outcome: "fanned-out", messages: admins.filter((admin) => !alreadyTold.has(admin.id)).length });
    const after = await approvalMessages(request.id);
    expect(after).toHaveLength(before.length + result.messages);
    for (const admin of admins) expect(after.filter((row) => row.recipientId?.toLowerCase() === admin.id), admin.id).toHaveLength(1);
    expect(after.find((row) => row.recipientId?.toLowerCase() === digester?.id)?.status).toBe("digest");
    expect((await fanOutRowOf(request.id)).status).toBe("fanned-out");

    // A second run (a retried job, a crash after the commit) writes nothing.
    expect(await fanOutToDirectory(fanOut.id, attempt())).toEqual({ outcome: "skipped", messages: 0 });
    expect(await db().notificationMessage.count({ where: { requestId: request.id, category: "approvals", recipientId: { not: null } } })).toBe(after.length);

    // A never-signed-in admin's message is delivered through Graph like any other.
    const stranger = after.find((row) => row.recipientId?.toLowerCase() === newcomer?.id.toLowerCase());
    expect(stranger?.status).toBe("pending");
    expect(await deliverNotification(stranger?.id ?? "", attempt())).toBe("sent");
    expect(suite.emulator.sentMail().filter((mail) => mail.toRecipients.some((to) => to.address === stranger?.recipientAddress) && mail.subject.includes(`#${request.number} `))).toHaveLength(1);
  });

  it("retries while Graph does not answer, writing nothing, and gives up visibly when retries run out", async () => {
    const request = await leadRequest();
    const fanOut = await fanOutRowOf(request.id);
    expect(await takeFanOutJob(fanOut.id)).toBe(1);
    const before = await db().notificationMessage.count({ where: { requestId: request.id } });
    // Enough faults for the Graph client's own retries too.
    suite.emulator.injectFault({ method: "GET", path: "/transitiveMembers", status: 503, count: 20 });
    await expect(fanOutToDirectory(fanOut.id, attempt(0))).rejects.toBeInstanceOf(FanOutRetry);
    expect(await db().notificationMessage.count({ where: { requestId: request.id } })).toBe(before);
    expect((await fanOutRowOf(request.id)).status).toBe("fan-out");

    suite.emulator.injectFault({ method: "GET", path: "/transitiveMembers", status: 503, count: 20 });
    expect(await fanOutToDirectory(fanOut.id, attempt(3))).toEqual({ outcome: "failed", messages: 0 });
    const failed = await fanOutRowOf(request.id);
    expect(failed.status).toBe("failed");
    expect(failed.lastError).toContain("did not list the members");
    expect(await db().notificationMessage.count({ where: { requestId: request.id } })).toBe(before);
  });
});
