import "server-only";
import type { Prisma } from "../generated/prisma/client";
import { db } from "../db";
import { isUuid } from "../input/uuid";

/** The signed-in person an organiser read or command acts for; null is an anonymous visitor. */
export type Actor = { id: string; email: string; name: string | null; role: "ADMIN" | "ORGANISER" };

type Reader = Prisma.TransactionClient | typeof db;

/** Thrown by every organiser read and command that the actor may not perform. */
export class AuthorizationError extends Error {
  readonly code = "forbidden";
  constructor(message = "Not allowed") {
    super(message);
    this.name = "AuthorizationError";
  }
}

/** Thrown when an administrator (who may see everything) names a thing that does not exist. */
export class NotFoundError extends Error {
  readonly code = "not-found";
  constructor(message = "Not found") {
    super(message);
    this.name = "NotFoundError";
  }
}

export function requireActor(actor: Actor | null): Actor {
  if (!actor) throw new AuthorizationError("Sign-in required");
  return actor;
}

export function assertAdmin(actor: Actor | null): Actor {
  const signedIn = requireActor(actor);
  if (signedIn.role !== "ADMIN") throw new AuthorizationError("Administrators only");
  return signedIn;
}

/** ADMIN: every workshop; ORGANISER: the workshops assigned to them. */
export async function canManageWorkshop(actor: Actor | null, workshopId: string, client: Reader = db): Promise<boolean> {
  if (!actor) return false;
  if (actor.role === "ADMIN") return true;
  if (!isUuid(workshopId)) return false;
  const assignment = await client.workshopAssignment.findUnique({
    where: { userId_workshopId: { userId: actor.id, workshopId } },
    select: { userId: true },
  });
  return assignment !== null;
}

/** Organisers learn nothing about workshops that are not theirs: unknown and foreign look the same. */
export async function assertCanManageWorkshop(actor: Actor | null, workshopId: string, client: Reader = db): Promise<Actor> {
  const signedIn = requireActor(actor);
  if (!(await canManageWorkshop(signedIn, workshopId, client))) throw new AuthorizationError();
  if (signedIn.role === "ADMIN") {
    const exists = isUuid(workshopId) && (await client.workshop.findUnique({ where: { id: workshopId }, select: { id: true } }));
    if (!exists) throw new NotFoundError(`Workshop ${workshopId}`);
  }
  return signedIn;
}

/** Resolves the session's workshop and checks it; returns the workshop id. */
export async function assertCanManageSession(actor: Actor | null, sessionId: string, client: Reader = db): Promise<{ actor: Actor; workshopId: string }> {
  const signedIn = requireActor(actor);
  const session = isUuid(sessionId) ? await client.session.findUnique({ where: { id: sessionId }, select: { workshopId: true } }) : null;
  if (!session) {
    if (signedIn.role === "ADMIN") throw new NotFoundError(`Session ${sessionId}`);
    throw new AuthorizationError();
  }
  await assertCanManageWorkshop(signedIn, session.workshopId, client);
  return { actor: signedIn, workshopId: session.workshopId };
}

/** Resolves the registration's session and checks its workshop. */
export async function assertCanManageRegistration(
  actor: Actor | null,
  registrationId: string,
  client: Reader = db,
): Promise<{ actor: Actor; sessionId: string; workshopId: string }> {
  const signedIn = requireActor(actor);
  const registration = isUuid(registrationId)
    ? await client.registration.findUnique({ where: { id: registrationId }, select: { sessionId: true, session: { select: { workshopId: true } } } })
    : null;
  if (!registration) {
    if (signedIn.role === "ADMIN") throw new NotFoundError(`Registration ${registrationId}`);
    throw new AuthorizationError();
  }
  await assertCanManageWorkshop(signedIn, registration.session.workshopId, client);
  return { actor: signedIn, sessionId: registration.sessionId, workshopId: registration.session.workshopId };
}

/**
 * Instruments belong to a programme and are shared by its workshops: an
 * organiser of any workshop of the programme may manage them (an instrument
 * is common ground, not one workshop's property); administrators always.
 */
export async function canManageProgramme(actor: Actor | null, programmeId: string, client: Reader = db): Promise<boolean> {
  if (!actor) return false;
  if (actor.role === "ADMIN") return true;
  if (!isUuid(programmeId)) return false;
  const assignment = await client.workshopAssignment.findFirst({ where: { userId: actor.id, workshop: { programmeId } }, select: { userId: true } });
  return assignment !== null;
}

/** Resolves the instrument's programme and checks it; unknown and foreign look the same to organisers. */
export async function assertCanManageInstrument(
  actor: Actor | null,
  instrumentId: string,
  client: Reader = db,
): Promise<{ actor: Actor; programmeId: string }> {
  const signedIn = requireActor(actor);
  const instrument = isUuid(instrumentId) ? await client.instrument.findUnique({ where: { id: instrumentId }, select: { programmeId: true } }) : null;
  if (!instrument) {
    if (signedIn.role === "ADMIN") throw new NotFoundError(`Instrument ${instrumentId}`);
    throw new AuthorizationError();
  }
  if (!(await canManageProgramme(signedIn, instrument.programmeId, client))) throw new AuthorizationError();
  return { actor: signedIn, programmeId: instrument.programmeId };
}

/** For creating an instrument in a programme. */
export async function assertCanManageProgramme(actor: Actor | null, programmeId: string, client: Reader = db): Promise<Actor> {
  const signedIn = requireActor(actor);
  if (!(await canManageProgramme(signedIn, programmeId, client))) throw new AuthorizationError();
  return signedIn;
}
