import "server-only";
import type { Prisma } from "../generated/prisma/client";
import { assertCanManageSession, type Actor } from "../auth/authorisation";
import { db } from "../db";
import { likeLiteral } from "../input/text";
import type { AttendeeFilter } from "./schema";

export type AttendeeRow = {
  id: string;
  firstName: string;
  lastName: string;
  email: string;
  organisation: string;
  role: "ADMINISTRATION" | "ELECTED_OFFICIAL" | "CIVIL_SOCIETY" | "OTHER";
  status: "PENDING" | "CONFIRMED" | "WAITLISTED" | "CANCELLED" | "REJECTED";
  /** 1-based place among those still waiting; null when not waiting. */
  waitlistRank: number | null;
  /** Pending with its seat reserved for the organisers' decision (not an open email confirmation). */
  awaitingApproval: boolean;
  attended: boolean | null;
  accessibilityNeeds: string | null;
  answers: { label: string; value: string }[];
  registeredAt: Date;
};

const orderBy: Record<AttendeeFilter["sort"], Prisma.RegistrationOrderByWithRelationInput[]> = {
  name: [{ lastName: "asc" }, { firstName: "asc" }],
  registered: [{ createdAt: "asc" }],
  organisation: [{ organisation: "asc" }, { lastName: "asc" }],
  status: [{ status: "asc" }, { waitlistPosition: "asc" }, { lastName: "asc" }],
};

function answerText(value: unknown, options: { value: string; labelDe: string }[]): string {
  const label = (chosen: string) => options.find((option) => option.value === chosen)?.labelDe ?? chosen;
  if (Array.isArray(value)) return value.map((entry) => label(String(entry))).join(", ");
  if (typeof value === "boolean") return value ? "✓" : "–";
  return typeof value === "string" ? label(value) : "";
}

/** The people registered for a session, searched, filtered and sorted; anonymised records are left out. */
export async function listAttendees(actor: Actor | null, sessionId: string, filter: AttendeeFilter): Promise<AttendeeRow[]> {
  const { workshopId } = await assertCanManageSession(actor, sessionId);
  const search = filter.q
    ? {
        OR: (["firstName", "lastName", "email", "organisation"] as const).map((field) => ({
          [field]: { contains: likeLiteral(filter.q), mode: "insensitive" as const },
        })),
      }
    : {};
  const [rows, questions] = await Promise.all([
    db.registration.findMany({
      where: { sessionId, anonymisedAt: null, ...(filter.status ? { status: filter.status } : {}), ...search },
      orderBy: orderBy[filter.sort],
      take: 2000,
      select: {
        id: true,
        firstName: true,
        lastName: true,
        email: true,
        organisation: true,
        role: true,
        status: true,
        waitlistPosition: true,
        holdExpiresAt: true,
        attended: true,
        accessibilityNeeds: true,
        answers: true,
        createdAt: true,
      },
    }),
    db.question.findMany({ where: { workshopId }, orderBy: { position: "asc" }, select: { id: true, labelDe: true, options: true } }),
  ]);
  const waiting = await db.registration.findMany({
    where: { sessionId, status: "WAITLISTED" },
    orderBy: { waitlistPosition: "asc" },
    select: { id: true },
  });
  const rank = new Map(waiting.map((entry, index) => [entry.id, index + 1]));
  return rows.map(({ waitlistPosition: _ticket, holdExpiresAt, createdAt, answers, ...row }) => {
    const given = (answers ?? {}) as Record<string, unknown>;
    return {
      ...row,
      waitlistRank: rank.get(row.id) ?? null,
      awaitingApproval: row.status === "PENDING" && holdExpiresAt === null,
      registeredAt: createdAt,
      answers: questions
        .filter((question) => given[question.id] !== undefined && given[question.id] !== "")
        .map((question) => ({
          label: question.labelDe,
          value: answerText(given[question.id], Array.isArray(question.options) ? (question.options as { value: string; labelDe: string }[]) : []),
        })),
    };
  });
}
