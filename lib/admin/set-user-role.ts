import "server-only";
import { recordAudit } from "../audit/record-audit";
import { assertAdmin, NotFoundError, type Actor } from "../auth/authorisation";
import { isUuid } from "../input/uuid";
import { db } from "../db";
import type { Invalid } from "../organiser/form-state";
import { organiserFieldErrors } from "../organiser/field-errors";
import { lockActiveAdmins } from "./lock-active-admins";
import { roleSchema } from "./schema";

export type SetRoleOutcome = { ok: true; changed: boolean } | Invalid | { ok: false; code: "last-admin" };

/** Makes a user an administrator or an organiser; the last active administrator cannot be demoted. */
export async function setUserRole(actor: Actor | null, userId: string, values: Record<string, unknown>): Promise<SetRoleOutcome> {
  const admin = assertAdmin(actor);
  const parsed = roleSchema.safeParse(values);
  if (!parsed.success) return { ok: false, code: "invalid", fieldErrors: organiserFieldErrors(parsed.error) };
  const { role } = parsed.data;
  return db.$transaction(async (tx) => {
    const admins = await lockActiveAdmins(tx, admin);
    const user = isUuid(userId) ? await tx.user.findUnique({ where: { id: userId }, select: { id: true, email: true, role: true, active: true } }) : null;
    if (!user) throw new NotFoundError(`User ${userId}`);
    if (user.role === role) return { ok: true as const, changed: false };
    if (user.role === "ADMIN" && user.active && admins.length <= 1) return { ok: false as const, code: "last-admin" as const };
    await tx.user.update({ where: { id: user.id }, data: { role }, select: { id: true } });
    await recordAudit(tx, {
      actor: admin,
      action: "user.role",
      subjectType: "user",
      subjectId: user.id,
      details: { email: user.email, from: user.role, to: role },
    });
    return { ok: true as const, changed: true };
  });
}
