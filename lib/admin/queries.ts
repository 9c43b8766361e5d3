import "server-only";
import { assertAdmin, NotFoundError, type Actor } from "../auth/authorisation";
import { isUuid } from "../input/uuid";
import { db } from "../db";

export type UserSummary = {
  id: string;
  email: string;
  name: string | null;
  role: "ADMIN" | "ORGANISER";
  active: boolean;
  /** next-auth stamps emailVerified on every email sign-in: the last sign-in, null if never. */
  lastSignInAt: Date | null;
  createdAt: Date;
  workshops: { id: string; title: string }[];
  /** Sign-in sessions that have not expired. */
  openSessions: number;
};

const userSelect = (now: Date) =>
  ({
    id: true,
    email: true,
    name: true,
    role: true,
    active: true,
    emailVerified: true,
    createdAt: true,
    workshops: { orderBy: { workshop: { title: "asc" } }, select: { workshop: { select: { id: true, title: true } } } },
    _count: { select: { sessions: { where: { expires: { gt: now } } } } },
  }) as const;

function summary(user: {
  id: string;
  email: string;
  name: string | null;
  role: "ADMIN" | "ORGANISER";
  active: boolean;
  emailVerified: Date | null;
  createdAt: Date;
  workshops: { workshop: { id: string; title: string } }[];
  _count: { sessions: number };
}): UserSummary {
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    active: user.active,
    lastSignInAt: user.emailVerified,
    createdAt: user.createdAt,
    workshops: user.workshops.map((entry) => entry.workshop),
    openSessions: user._count.sessions,
  };
}

/** Every user, administrators first, then by name (German order, see decision 0033), those without a name last, by address. */
export async function listUsers(actor: Actor | null, now = new Date()): Promise<UserSummary[]> {
  assertAdmin(actor);
  const users = await db.user.findMany({
    orderBy: [{ role: "asc" }, { name: { sort: "asc", nulls: "last" } }, { email: "asc" }],
    select: userSelect(now),
  });
  return users.map(summary);
}

export async function getUserForAdmin(actor: Actor | null, userId: string, now = new Date()): Promise<UserSummary> {
  assertAdmin(actor);
  const user = isUuid(userId) ? await db.user.findUnique({ where: { id: userId }, select: userSelect(now) }) : null;
  if (!user) throw new NotFoundError(`User ${userId}`);
  return summary(user);
}

export type WorkshopChoice = { id: string; title: string; programmeName: string };

/** All workshops, for assigning organisers. */
export async function listWorkshopChoices(actor: Actor | null): Promise<WorkshopChoice[]> {
  assertAdmin(actor);
  const workshops = await db.workshop.findMany({
    orderBy: [{ programme: { name: "asc" } }, { position: "asc" }, { title: "asc" }],
    select: { id: true, title: true, programme: { select: { name: true } } },
  });
  return workshops.map((workshop) => ({ id: workshop.id, title: workshop.title, programmeName: workshop.programme.name }));
}
