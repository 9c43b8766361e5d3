import "server-only";
import { recordAudit } from "../audit/record-audit";
import { addUser } from "../auth/add-user";
import { db } from "../db";
import { env } from "../env";
import { createSignInLink, SIGN_IN_LINK_MINUTES } from "./sign-in-link";

export type IssueSignInLinkOutcome = { ok: true; url: string; expires: Date } | { ok: false; code: "unknown-user" | "user-inactive" };

/**
 * For the operator's terminal (npm run user:sign-in-link): a one-time
 * sign-in link, without mail, for an active user or an address in
 * ADMIN_EMAILS (which becomes the first administrator, as on the sign-in
 * page). The first administrator of an installation without SMTP has no
 * other way in. Whoever runs it can already read the database; it is
 * recorded all the same.
 */
export async function issueSignInLink(email: string, options: { now?: Date } = {}): Promise<IssueSignInLinkOutcome> {
  const address = email.trim().toLowerCase();
  const expires = new Date((options.now ?? new Date()).getTime() + SIGN_IN_LINK_MINUTES * 60_000);
  return db.$transaction(async (tx) => {
    let user = await tx.user.findUnique({ where: { email: address }, select: { id: true, active: true } });
    if (!user && env().ADMIN_EMAILS.includes(address)) {
      const { id } = await addUser(tx, { email: address, role: "ADMIN" });
      await recordAudit(tx, {
        actor: null,
        action: "user.create",
        subjectType: "user",
        subjectId: id,
        details: { email: address, role: "ADMIN", via: "ADMIN_EMAILS" },
      });
      user = { id, active: true };
    }
    if (!user) return { ok: false as const, code: "unknown-user" as const };
    if (!user.active) return { ok: false as const, code: "user-inactive" as const };
    const url = await createSignInLink(tx, address, expires);
    await recordAudit(tx, {
      actor: null,
      action: "user.sign-in-link",
      subjectType: "user",
      subjectId: user.id,
      details: { email: address, via: "user:sign-in-link" },
    });
    return { ok: true as const, url, expires };
  });
}
