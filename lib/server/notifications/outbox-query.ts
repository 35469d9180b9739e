import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { db } from "@/lib/server/db/client";

export type OutboxMessage = {
  id: string;
  channel: string;
  status: string;
  recipient: string;
  subject: string;
  body: string;
  link: string | null;
  attempts: number;
  lastError: string | null;
  createdAt: Date;
  sentAt: Date | null;
};

const pageSize = 50;
const select = {
  id: true, channel: true, status: true, recipientName: true, recipientAddress: true, subject: true, body: true, link: true,
  attempts: true, lastError: true, createdAt: true, sentAt: true,
} satisfies Prisma.NotificationMessageSelect;

/** The newest messages: everyone's (and the Teams channel's) for `everyone`, otherwise only the person's own. */
export async function listOutbox(viewer: { objectId: string; everyone: boolean }, page = 1): Promise<{ messages: OutboxMessage[]; page: number; pages: number }> {
  const where: Prisma.NotificationMessageWhereInput = viewer.everyone ? {} : { recipientId: viewer.objectId };
  const total = await db().notificationMessage.count({ where });
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const current = Math.min(Math.max(1, page), pages);
  const rows = await db().notificationMessage.findMany({ where, select, orderBy: [{ createdAt: "desc" }, { id: "asc" }], skip: (current - 1) * pageSize, take: pageSize });
  return {
    page: current,
    pages,
    messages: rows.map((row) => ({
      id: row.id, channel: row.channel, status: row.status, subject: row.subject, body: row.body, link: row.link, attempts: row.attempts,
      lastError: row.lastError, createdAt: row.createdAt, sentAt: row.sentAt,
      recipient: row.channel === "teams" ? "Teams channel" : row.recipientAddress ? `${row.recipientName ?? ""} <${row.recipientAddress}>`.trim() : (row.recipientName ?? "?"),
    })),
  };
}
