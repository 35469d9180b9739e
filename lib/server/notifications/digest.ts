import "server-only";
import { composeApprovalDigest } from "@/lib/notifications/compose";
import { db } from "@/lib/server/db/client";
import { enqueueDeliveryInTransaction } from "./delivery-queue";

/**
 * Gathers each approver's held messages (status `digest`) into one message, in one transaction per
 * recipient: the held rows become `digested` exactly when their digest exists, so a digest run
 * twice cannot send anything twice.
 */
export async function sendApprovalDigests(now = new Date()): Promise<number> {
  const recipients = await db().notificationMessage.findMany({ where: { status: "digest" }, distinct: ["recipientId"], select: { recipientId: true } });
  let sent = 0;
  for (const { recipientId } of recipients) {
    await db().$transaction(async (tx) => {
      const held = await tx.notificationMessage.findMany({ where: { status: "digest", recipientId }, orderBy: { createdAt: "asc" } });
      const first = held[0];
      if (!first) return;
      const digest = composeApprovalDigest(held.map((row) => ({ subject: row.subject, link: row.link ?? "", createdAt: row.createdAt })), now);
      const message = await tx.notificationMessage.create({
        data: { category: "approvals", channel: "email", recipientId, recipientAddress: first.recipientAddress, recipientName: first.recipientName, ...digest },
        select: { id: true },
      });
      await tx.notificationMessage.updateMany({ where: { id: { in: held.map((row) => row.id) }, status: "digest" }, data: { status: "digested", digestId: message.id } });
      await enqueueDeliveryInTransaction(tx, message.id);
      sent += 1;
    });
  }
  return sent;
}
