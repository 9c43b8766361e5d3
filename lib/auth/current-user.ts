import "server-only";
import { getServerSession } from "next-auth";
import { redirect } from "next/navigation";
import { cache } from "react";
import { db } from "../db";
import { AuthorizationError, type Actor } from "./authorisation";
import { authOptions } from "./options";

/**
 * The signed-in user of this request, read fresh from the database so that a
 * deactivated user or a changed role takes effect at once; null when
 * anonymous or inactive.
 */
export const getCurrentUser = cache(async (): Promise<Actor | null> => {
  const session = await getServerSession(authOptions());
  const email = session?.user?.email;
  if (!email) return null;
  const user = await db.user.findUnique({ where: { email }, select: { id: true, email: true, name: true, role: true, active: true } });
  if (!user?.active) return null;
  return { id: user.id, email: user.email, name: user.name, role: user.role };
});

/** For pages and actions: anonymous visitors are sent to the sign-in page. */
export async function requireUser(returnTo = "/organisation"): Promise<Actor> {
  const user = await getCurrentUser();
  if (!user) redirect(`/anmelden?callbackUrl=${encodeURIComponent(returnTo)}`);
  return user;
}

export async function requireAdmin(returnTo = "/organisation"): Promise<Actor> {
  const user = await requireUser(returnTo);
  if (user.role !== "ADMIN") throw new AuthorizationError("Administrators only");
  return user;
}
