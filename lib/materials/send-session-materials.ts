import "server-only";
import { recordAudit } from "../audit/record-audit";
import { assertCanManageSession, type Actor } from "../auth/authorisation";
import { db } from "../db";
import { env } from "../env";
import { renderSessionMaterials } from "../email/templates/session-materials";
import type { Prisma } from "../generated/prisma/client";
import { issueManageUrl } from "../registrations/notifications";
import { mailBase, mailSession, sendToRegistration, sessionMailContexts } from "../sessions/session-mail";
import { materialHref, publicMaterialSelect } from "./public-material";
import { publicMaterialWhere } from "./visibility";

export type MaterialRecipients = "confirmed" | "attended";
export type SendSessionMaterialsOutcome =
  { ok: true; sent: number; alreadySent: number } | { ok: false; code: "session-not-ended" | "no-materials" | "no-recipients" };

/** The marker's purpose: one materials mail per registration, ever. */
export const MATERIALS_MAIL = "session-materials";

type Tx = Prisma.TransactionClient;

/** The materials the public may see now: the workshop's own, then its instruments' (absolute links for a mail). */
async function sessionMaterials(tx: Tx, workshopId: string, now: Date): Promise<{ title: string; titleEn: string | null; url: string }[]> {
  const where = publicMaterialWhere(now);
  const workshop = await tx.workshop.findUniqueOrThrow({
    where: { id: workshopId },
    select: {
      materials: { where, orderBy: { position: "asc" }, select: publicMaterialSelect },
      instruments: {
        orderBy: { position: "asc" },
        select: { instrument: { select: { materials: { where, orderBy: { position: "asc" }, select: publicMaterialSelect } } } },
      },
    },
  });
  const all = [...workshop.materials, ...workshop.instruments.flatMap((entry) => entry.instrument.materials)];
  const unique = all.filter((material, index) => all.findIndex((other) => other.id === material.id) === index);
  return unique.map((material) => ({ title: material.title, titleEn: material.titleEn, url: new URL(materialHref(material), env().APP_URL).toString() }));
}

/**
 * "Materialien an Teilnehmende senden" after a session: one mail with the
 * links per confirmed participant (or per person marked as attended). Each
 * mail's outbox row is written together with a marker row keyed by
 * registration and purpose; the marker's primary key makes a second press,
 * or a second transaction running at the same moment, skip everyone who
 * already has theirs: a concurrent insert waits for the first to commit and
 * then finds the key taken. Exactly one mail per person.
 */
export async function sendSessionMaterials(
  actor: Actor | null,
  sessionId: string,
  recipients: MaterialRecipients,
  now = new Date(),
): Promise<SendSessionMaterialsOutcome> {
  await assertCanManageSession(actor, sessionId);
  return db.$transaction(
    async (tx) => {
      const { actor: signedIn, workshopId } = await assertCanManageSession(actor, sessionId, tx);
      const session = await tx.session.findUniqueOrThrow({ where: { id: sessionId }, select: { endsAt: true, status: true } });
      if (session.status === "CANCELLED" || session.endsAt > now) return { ok: false as const, code: "session-not-ended" as const };
      const materials = await sessionMaterials(tx, workshopId, now);
      if (materials.length === 0) return { ok: false as const, code: "no-materials" as const };
      const people = await sessionMailContexts(tx, sessionId, ["CONFIRMED"], recipients === "attended" ? { attended: true } : {});
      if (people.length === 0) return { ok: false as const, code: "no-recipients" as const };
      const libraryUrl = new URL("/instrumente", env().APP_URL).toString();
      // Whoever is marked as attended has a certificate: their mail links it through a fresh private link.
      const attended = new Set(
        (await tx.registration.findMany({ where: { sessionId, status: "CONFIRMED", attended: true }, select: { id: true } })).map((row) => row.id),
      );
      let sent = 0;
      for (const context of people) {
        const marked = await tx.$executeRaw`
          INSERT INTO "registration_mail_markers" ("registrationId", "purpose") VALUES (${context.id}::uuid, ${MATERIALS_MAIL})
          ON CONFLICT DO NOTHING`;
        if (marked === 0) continue;
        const certificateUrl = attended.has(context.id) ? `${await issueManageUrl(tx, context.id)}/bescheinigung.pdf` : null;
        await sendToRegistration(
          tx,
          "session-materials",
          context,
          renderSessionMaterials({ ...mailBase(context), session: mailSession(context), materials, libraryUrl, certificateUrl }),
        );
        sent += 1;
      }
      await recordAudit(tx, {
        actor: signedIn,
        action: "session.materials-sent",
        subjectType: "session",
        subjectId: sessionId,
        details: { recipients, sent, alreadySent: people.length - sent, materials: materials.length },
      });
      return { ok: true as const, sent, alreadySent: people.length - sent };
    },
    { maxWait: 30_000, timeout: 120_000 },
  );
}
