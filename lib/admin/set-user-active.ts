import "server-only";
import { recordAudit } from "../audit/record-audit";
import { assertAdmin, NotFoundError, type Actor } from "../auth/authorisation";
import { isUuid } from "../input/uuid";
import { db } from "../db";
import { lockActiveAdmins } from "./lock-active-admins";

export type SetActiveOutcome = { ok: true; changed: boolean; sessionsEnded: number } | { ok: false; code: "last-admin" | "own-account" };

/**
 * Deactivates or reactivates a user. Deactivation deletes their sign-in
 * sessions, so they are signed out with their next request, and their unused
 * sign-in links; an inactive user gets no new link and cannot use an old one
 * (lib/auth/sign-in-policy.ts), and getCurrentUser() treats them as anonymous.
 * Administrators cannot deactivate themselves, and the last active
 * administrator stays.
 */
export async function setUserActive(actor: Actor | null, userId: string, active: boolean): Promise<SetActiveOutcome> {
  const admin = assertAdmin(actor);
  return db.$transaction(async (tx) => {
    const admins = await lockActiveAdmins(tx, admin);
    const user = isUuid(userId) ? await tx.user.findUnique({ where: { id: userId }, select: { id: true, email: true, role: true, active: true } }) : null;
    if (!user) throw new NotFoundError(`User ${userId}`);
    if (user.active === active) return { ok: true as const, changed: false, sessionsEnded: 0 };
    if (active) {
      await tx.user.update({ where: { id: user.id }, data: { active: true }, select: { id: true } });
      await recordAudit(tx, { actor: admin, action: "user.reactivate", subjectType: "user", subjectId: user.id, details: { email: user.email } });
      return { ok: true as const, changed: true, sessionsEnded: 0 };
    }
    if (user.id === admin.id) return { ok: false as const, code: "own-account" as const };
    if (user.role === "ADMIN" && admins.length <= 1) return { ok: false as const, code: "last-admin" as const };
    await tx.user.update({ where: { id: user.id }, data: { active: false }, select: { id: true } });
    const sessions = await tx.authSession.deleteMany({ where: { userId: user.id } });
    const links = await tx.verificationToken.deleteMany({ where: { identifier: user.email } });
    await recordAudit(tx, {
      actor: admin,
      action: "user.deactivate",
      subjectType: "user",
      subjectId: user.id,
      details: { email: user.email, sessionsEnded: sessions.count, signInLinksRevoked: links.count },
    });
    return { ok: true as const, changed: true, sessionsEnded: sessions.count };
  });
}
