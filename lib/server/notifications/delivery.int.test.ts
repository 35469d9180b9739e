import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { localDemoOrganisation } from "@/lib/config/local-mode";
import { localDemoMailSender } from "@/lib/config/settings";
import { internetMessageIdOf } from "@/lib/notifications/wire";
import { db } from "@/lib/server/db/client";
import { createChangeRequest } from "@/lib/server/requests/create-request";
import { decideChangeRequest } from "@/lib/server/requests/decide-request";
import { applyTransition } from "@/lib/server/requests/transitions";
import { createTenant, testContext } from "@/lib/server/requests/requests-fixtures.test-helper";
import { adminGroupId, attempt, notificationSuite } from "./notification-suite.test-helper";
import { deliverNotification, DeliveryRetry } from "./deliver";
import { sendApprovalDigests } from "./digest";

/**
 * The outbox against the emulator's Graph with the real Graph client: written with the request's
 * change, sent once, retried after an injected failure, never resent after a crash mid-delivery.
 */
const suite = notificationSuite();

/** A person who has signed in (a user row and a session with these groups), as the outbox knows people. */
async function signedIn(name: string, groupIds: string[]) {
  const id = randomUUID();
  const upn = `${name.toLowerCase().replace(/\s+/g, ".")}.${id.slice(0, 6)}@contoso.example`;
  await db().user.create({ data: { id, entraTenantId: localDemoOrganisation.tenantId, displayName: name, userPrincipalName: upn, lastSignInAt: new Date() } });
  await db().session.create({ data: { id: randomUUID(), userId: id, groupIds, lastSeenAt: new Date(), expiresAt: new Date(Date.now() + 3_600_000) } });
  return { kind: "user" as const, objectId: id, name, upn };
}

async function leadRequest(lead: { objectId: string; name: string; upn: string }, tenantId: string | null = null) {
  return createChangeRequest(
    {
      kind: "authorized-ip-ranges",
      clusterResourceId: `/subscriptions/s/resourcegroups/rg/providers/microsoft.containerservice/managedclusters/aks-${randomUUID().slice(0, 8)}`,
      tenantId,
      payload: { add: [{ range: "203.0.113.7/32", lifetimeSeconds: null, owner: "ci" }], remove: [] },
      justification: "CI agents",
      decideBy: null,
    },
    { kind: "user", ...lead },
    testContext,
  );
}

const messagesTo = (requestId: string, address: string) => db().notificationMessage.findMany({ where: { requestId, recipientAddress: address } });
const mailTo = (address: string) => suite.emulator.sentMail().filter((mail) => mail.toRecipients.some((to) => to.address === address));

describe("notification outbox", () => {
  it("writes the approvers' e-mail with the request, sends it once through Graph, and the decision's to the lead", async () => {
    const admin = await signedIn("Ada Approver", [adminGroupId]);
    const lead = await signedIn("Lee Lead", []);
    const request = await leadRequest(lead);

    const [toAdmin, ...others] = await messagesTo(request.id, admin.upn);
    expect(others).toEqual([]);
    expect(toAdmin).toMatchObject({ status: "pending", channel: "email", category: "approvals", recipientId: admin.objectId });
    expect(await messagesTo(request.id, lead.upn)).toEqual([]); // the author does not approve their own request
    // Its delivery job was inserted in the same transaction, keyed by the row.
    const jobs = await db().$queryRaw<Array<{ n: bigint }>>`SELECT count(*) AS n FROM pgboss.job WHERE name = 'notification-deliver' AND singleton_key = ${toAdmin?.id ?? ""}`;
    expect(Number(jobs[0]?.n)).toBe(1);

    expect(await deliverNotification(toAdmin?.id ?? "", attempt())).toBe("sent");
    expect(await deliverNotification(toAdmin?.id ?? "", attempt())).toBe("skipped");
    const [mail, ...more] = mailTo(admin.upn);
    expect(more).toEqual([]);
    expect(mail).toMatchObject({ sender: localDemoMailSender, internetMessageId: internetMessageIdOf(toAdmin?.id ?? ""), saveToSentItems: true });
    expect(mail?.subject).toMatch(/^\[Clusterdesk\] Request #\d+ awaits your decision/);
    expect(mail?.content).toContain(`/requests/${request.number}`);

    await decideChangeRequest(request.id, "reject", "Too wide", admin, testContext);
    const [decision] = await messagesTo(request.id, lead.upn);
    expect(decision).toMatchObject({ status: "pending", category: "requestUpdates", subject: `[Clusterdesk] Request #${request.number} was rejected` });
    expect(await deliverNotification(decision?.id ?? "", attempt())).toBe("sent");
    expect(mailTo(lead.upn)).toHaveLength(1);
  });

  it("retries after Graph refused the send, without touching the request", async () => {
    const admin = await signedIn("Ada Approver", [adminGroupId]);
    const request = await leadRequest(await signedIn("Lee Lead", []));
    const [message] = await messagesTo(request.id, admin.upn);
    suite.emulator.injectFault({ method: "POST", path: "/sendMail$", status: 503 });

    await expect(deliverNotification(message?.id ?? "", attempt(0))).rejects.toBeInstanceOf(DeliveryRetry);
    expect(await db().notificationMessage.findUniqueOrThrow({ where: { id: message?.id } })).toMatchObject({ status: "pending", attempts: 1 });
    expect(mailTo(admin.upn)).toEqual([]);
    expect((await db().changeRequest.findUniqueOrThrow({ where: { id: request.id } })).status).toBe("pending");

    expect(await deliverNotification(message?.id ?? "", attempt(1))).toBe("sent");
    expect(await db().notificationMessage.findUniqueOrThrow({ where: { id: message?.id } })).toMatchObject({ status: "sent", attempts: 2, lastError: null });
    expect(mailTo(admin.upn)).toHaveLength(1);
  });

  it("marks a message failed when retries run out or Graph refuses it for good", async () => {
    const admin = await signedIn("Ada Approver", [adminGroupId]);
    const request = await leadRequest(await signedIn("Lee Lead", []));
    const [message] = await messagesTo(request.id, admin.upn);
    suite.emulator.injectFault({ method: "POST", path: "/sendMail$", status: 403, code: "ErrorAccessDenied", message: "Access is denied." });
    expect(await deliverNotification(message?.id ?? "", attempt(0))).toBe("failed");
    expect((await db().notificationMessage.findUniqueOrThrow({ where: { id: message?.id } })).lastError).toContain("403");
    expect(await deliverNotification(message?.id ?? "", attempt(1))).toBe("skipped");
    expect(mailTo(admin.upn)).toEqual([]);
  });

  it("does not send again when the process died after Graph accepted the message", async () => {
    const admin = await signedIn("Ada Approver", [adminGroupId]);
    const request = await leadRequest(await signedIn("Lee Lead", []));
    const [message] = await messagesTo(request.id, admin.upn);
    const crash = new Error("process killed");
    await expect(deliverNotification(message?.id ?? "", attempt(0), { afterSend: () => Promise.reject(crash) })).rejects.toBe(crash);
    expect(mailTo(admin.upn)).toHaveLength(1);
    expect((await db().notificationMessage.findUniqueOrThrow({ where: { id: message?.id } })).status).toBe("sending");

    // The job runs again (pg-boss hands it on when the heartbeat stops): it must not send twice.
    expect(await deliverNotification(message?.id ?? "", attempt(1))).toBe("uncertain");
    expect(mailTo(admin.upn)).toHaveLength(1);
  });

  it("follows preferences: no e-mail when switched off, one daily digest when chosen", async () => {
    const quiet = await signedIn("Quinn Quiet", [adminGroupId]);
    const digester = await signedIn("Dee Digest", [adminGroupId]);
    await db().notificationPreference.create({ data: { userId: quiet.objectId, approvals: false } });
    await db().notificationPreference.create({ data: { userId: digester.objectId, approvalDigest: true } });
    const lead = await signedIn("Lee Lead", []);
    const first = await leadRequest(lead);
    const second = await leadRequest(lead);

    expect(await messagesTo(first.id, quiet.upn)).toEqual([]);
    expect((await messagesTo(first.id, digester.upn)).map((row) => row.status)).toEqual(["digest"]);
    await sendApprovalDigests(new Date("2026-11-30T07:00:00Z"));
    const [digest, ...more] = await db().notificationMessage.findMany({ where: { recipientId: digester.objectId, status: "pending" } });
    expect(more).toEqual([]);
    expect(digest?.subject).toBe("[Clusterdesk] 2 requests awaiting approval (2026-11-30)");
    expect(digest?.body).toContain(`/requests/${first.number}`);
    expect(digest?.body).toContain(`/requests/${second.number}`);
    expect((await messagesTo(second.id, digester.upn)).map((row) => [row.status, row.digestId])).toEqual([["digested", digest?.id]]);
    // A second run finds nothing left to gather.
    await sendApprovalDigests();
    expect(await db().notificationMessage.count({ where: { recipientId: digester.objectId, status: "pending" } })).toBe(1);
  });

  it("tells a tenant's owners when a change to it is applied, and writes nothing when the change rolls back", async () => {
    const tenant = await createTenant("Ledger");
    const owner = await signedIn("Olive Owner", [tenant.ownerGroupId]);
    const admin = await signedIn("Ada Approver", [adminGroupId]);
    const request = await leadRequest(admin, tenant.id);
    await db().$transaction(async (tx) => {
      await applyTransition(tx, request.id, "approve", { actor: { kind: "user", objectId: randomUUID(), name: "Second Admin", upn: "second@contoso.example" } });
      await applyTransition(tx, request.id, "start", { actor: { kind: "system", name: "Clusterdesk" } });
      await applyTransition(tx, request.id, "succeed", { actor: { kind: "system", name: "Clusterdesk" } }, {}, { reason: "added 203.0.113.7/32" });
    });
    const [toOwner] = await messagesTo(request.id, owner.upn);
    expect(toOwner).toMatchObject({ category: "tenantChanges", subject: `[Clusterdesk] Request #${request.number} changed tenant Ledger` });

    const other = await leadRequest(admin, tenant.id);
    const rowsOfOther = () => db().notificationMessage.count({ where: { requestId: other.id } });
    const before = await rowsOfOther();
    await expect(db().$transaction(async (tx) => {
      await applyTransition(tx, other.id, "reject", { actor: { kind: "user", objectId: randomUUID(), name: "Second Admin", upn: "second@contoso.example" } });
      expect(await tx.notificationMessage.count({ where: { requestId: other.id } })).toBe(before + 1);
      throw new Error("rolled back");
    })).rejects.toThrow("rolled back");
    expect(await rowsOfOther()).toBe(before);
  });
});
