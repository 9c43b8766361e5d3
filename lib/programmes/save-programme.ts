import "server-only";
import { recordAudit } from "../audit/record-audit";
import { assertAdmin, NotFoundError, type Actor } from "../auth/authorisation";
import { db } from "../db";
import type { Prisma } from "../generated/prisma/client";
import { freeSlug, slugFromTitle } from "../input/slug";
import { isUuid } from "../input/uuid";
import type { Invalid } from "../organiser/form-state";
import { organiserFieldErrors } from "../organiser/field-errors";
import { forgetCurrentProgramme } from "./queries";
import { programmeSchema, type ProgrammeInput } from "./schema";

export type SaveProgrammeOutcome = { ok: true; programmeId: string; privacyNoticeVersion: number } | Invalid;

type Tx = Prisma.TransactionClient;

/** A privacy notice is published as a new version only when its text changed: registrations keep the version they agreed to. */
async function publishPrivacyNotice(tx: Tx, programmeId: string, input: ProgrammeInput): Promise<{ version: number; published: boolean }> {
  const current = await tx.privacyNotice.findFirst({
    where: { programmeId },
    orderBy: { version: "desc" },
    select: { id: true, version: true, text: true, textEn: true },
  });
  if (current && current.text === input.privacyNotice && current.textEn === input.privacyNoticeEn) return { version: current.version, published: false };
  const version = (current?.version ?? 0) + 1;
  await tx.privacyNotice.create({ data: { programmeId, version, text: input.privacyNotice, textEn: input.privacyNoticeEn }, select: { id: true } });
  return { version, published: true };
}

/**
 * Creates a programme (target "new") or saves one: its texts, contact,
 * retention, and whether the public pages show it. Administrators only. The
 * first programme of an installation is shown at once; marking one shown
 * unmarks the other (a partial unique index allows one).
 */
export async function saveProgramme(
  actor: Actor | null,
  target: "new" | { programmeId: string },
  values: Record<string, unknown>,
): Promise<SaveProgrammeOutcome> {
  assertAdmin(actor);
  if (target !== "new" && !isUuid(target.programmeId)) throw new NotFoundError(`Programme ${target.programmeId}`);
  const parsed = programmeSchema.safeParse(values);
  if (!parsed.success) return { ok: false, code: "invalid", fieldErrors: organiserFieldErrors(parsed.error) };
  const { privacyNotice: _privacyNotice, privacyNoticeEn: _privacyNoticeEn, shownOnHome: wantsShown, slug: typedSlug, ...texts } = parsed.data;
  const outcome = await db.$transaction(async (tx) => {
    const admin = assertAdmin(actor);
    const current =
      target === "new" ? null : await tx.programme.findUnique({ where: { id: target.programmeId }, select: { id: true, slug: true, shownOnHome: true } });
    if (target !== "new" && !current) throw new NotFoundError(`Programme ${target.programmeId}`);
    const isTaken = async (slug: string) =>
      (await tx.programme.findFirst({ where: { slug, ...(current ? { id: { not: current.id } } : {}) }, select: { id: true } })) !== null;
    if (typedSlug && (await isTaken(typedSlug))) return { ok: false as const, code: "invalid" as const, fieldErrors: { slug: "programmeSlugTaken" } };
    const slug = typedSlug || current?.slug || (await freeSlug(slugFromTitle(texts.name, "programm"), isTaken));
    // The first programme is the one the home page shows, whatever the box says: otherwise nothing would appear.
    const anyShown = (await tx.programme.count({ where: { shownOnHome: true, ...(current ? { id: { not: current.id } } : {}) } })) > 0;
    const shownOnHome = wantsShown || (!anyShown && (await tx.programme.count()) === (current ? 1 : 0));
    if (shownOnHome)
      await tx.programme.updateMany({ where: { shownOnHome: true, ...(current ? { id: { not: current.id } } : {}) }, data: { shownOnHome: false } });
    const programme = current
      ? await tx.programme.update({ where: { id: current.id }, data: { ...texts, slug, shownOnHome }, select: { id: true } })
      : await tx.programme.create({ data: { ...texts, slug, shownOnHome }, select: { id: true } });
    const notice = await publishPrivacyNotice(tx, programme.id, parsed.data);
    await recordAudit(tx, {
      actor: admin,
      action: current ? "programme.update" : "programme.create",
      subjectType: "programme",
      subjectId: programme.id,
      details: {
        slug,
        name: texts.name,
        shownOnHome,
        ...(notice.published ? { privacyNoticeVersion: notice.version } : {}),
        ...(current && current.slug !== slug ? { previousSlug: current.slug } : {}),
      },
    });
    return { ok: true as const, programmeId: programme.id, privacyNoticeVersion: notice.version };
  });
  // The public pages read the programme afresh (in this process at once, elsewhere within seconds).
  forgetCurrentProgramme();
  return outcome;
}
