import { db } from "@/lib/db";
import { queuedContent } from "@/lib/email/queued-content";
import type { Prisma } from "@/lib/generated/prisma/client";

/** Queued messages as they will be sent: registration emails are rendered from their template, as the worker does. */
export async function queuedEmails(where: Prisma.OutboxMessageWhereInput) {
  const rows = await db.outboxMessage.findMany({
    where,
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { kind: true, toAddress: true, registrationId: true, status: true, subject: true, html: true, text: true, attachments: true, template: true },
  });
  return rows.map((row) => {
    const { template: _template, ...columns } = row;
    return { ...columns, ...queuedContent(row) };
  });
}

export async function queuedEmail(where: Prisma.OutboxMessageWhereInput) {
  const [email] = await queuedEmails(where);
  if (!email) throw new Error(`no queued email matching ${JSON.stringify(where)}`);
  return email;
}
