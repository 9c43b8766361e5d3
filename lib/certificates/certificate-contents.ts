import "server-only";
import type { Prisma } from "../generated/prisma/client";
import { env } from "../env";
import { isLocale, type Locale } from "../i18n/catalogue";
import { localizedText } from "../i18n/localized-text";
import { certificateWhere } from "./availability";
import type { CertificateContent } from "./draw-certificate";
import { createVerificationCode } from "./verification-code";

type Tx = Prisma.TransactionClient;

/** The public page that checks codes (printed on every certificate). */
export const VERIFY_PATH = "/bescheinigung/pruefen";

export function verifyUrl(): string {
  return new URL(VERIFY_PATH, env().APP_URL).toString();
}

const certificateSelect = {
  id: true,
  firstName: true,
  lastName: true,
  organisation: true,
  locale: true,
  certificateCode: true,
  session: {
    select: {
      startsAt: true,
      endsAt: true,
      timeZone: true,
      format: true,
      location: true,
      workshop: {
        select: {
          title: true,
          titleEn: true,
          programmeId: true,
          programme: { select: { name: true, nameEn: true } },
          instruments: { orderBy: { position: "asc" }, select: { instrument: { select: { title: true, titleEn: true } } } },
        },
      },
    },
  },
} as const satisfies Prisma.RegistrationSelect;

/**
 * Gives each of these registrations a verification code if it has none yet.
 * The code is issued when a certificate is first produced, not earlier, so
 * only certificates that exist can be verified; "certificateCode IS NULL"
 * keeps a code once given (two downloads at the same moment agree on the
 * first). A collision among 2^100 codes would violate the unique index and
 * fail the request; nothing is retried for an event that will not happen.
 */
async function issueCodes(tx: Tx, registrationIds: string[]): Promise<void> {
  for (const id of registrationIds) {
    await tx.$executeRaw`UPDATE "registrations" SET "certificateCode" = ${createVerificationCode()} WHERE "id" = ${id}::uuid AND "certificateCode" IS NULL`;
  }
}

/**
 * The certificates of the registrations matching `where` that have one
 * (lib/certificates/availability.ts), ordered by name, with codes issued
 * where missing. Runs in the caller's transaction.
 */
export async function loadCertificateContents(tx: Tx, where: Prisma.RegistrationWhereInput, now: Date): Promise<CertificateContent[]> {
  const filter = { AND: [where, certificateWhere(now)] };
  const missing = await tx.registration.findMany({ where: { ...filter, certificateCode: null }, select: { id: true } });
  await issueCodes(
    tx,
    missing.map((row) => row.id),
  );
  const rows = await tx.registration.findMany({ where: filter, orderBy: [{ lastName: "asc" }, { firstName: "asc" }], select: certificateSelect });
  if (rows.length === 0) return [];
  const programmeIds = [...new Set(rows.map((row) => row.session.workshop.programmeId))];
  const settings = await tx.certificateSettings.findMany({
    where: { programmeId: { in: programmeIds } },
    select: { programmeId: true, issuerName: true, issuerRole: true, signature: true },
  });
  const settingsOf = new Map(settings.map((entry) => [entry.programmeId, entry]));
  const url = verifyUrl();
  return rows.map((row): CertificateContent => {
    const locale: Locale = isLocale(row.locale) ? row.locale : "de";
    const { session } = row;
    const { workshop } = session;
    const setting = settingsOf.get(workshop.programmeId);
    if (!row.certificateCode) throw new Error(`Registration ${row.id} has no certificate code after issuing`);
    const programmeName = localizedText(locale, workshop.programme.name, workshop.programme.nameEn);
    const workshopTitle = localizedText(locale, workshop.title, workshop.titleEn);
    return {
      locale,
      programmeName: programmeName.text,
      programmeNameLang: programmeName.lang,
      participantName: `${row.firstName} ${row.lastName}`.trim(),
      organisation: row.organisation,
      workshopTitle: workshopTitle.text,
      workshopTitleLang: workshopTitle.lang,
      startsAt: session.startsAt,
      endsAt: session.endsAt,
      timeZone: session.timeZone,
      format: session.format,
      location: session.location,
      instruments: workshop.instruments.map(({ instrument }) => localizedText(locale, instrument.title, instrument.titleEn).text),
      issuer: { name: setting?.issuerName ?? "", role: setting?.issuerRole ?? "" },
      signature: setting?.signature ? Buffer.from(setting.signature) : null,
      code: row.certificateCode,
      verifyUrl: url,
      issuedAt: now,
    };
  });
}

/** "Teilnahmebescheinigung-Jürgen-Groß.pdf": the person's name in the file name, nothing a file system refuses. */
export function certificateFileName(base: string, name: string): string {
  const part = `${base}-${name}`
    .replace(/[\\/:*?"<>|\u0000-\u001f]+/g, "")
    .trim()
    .replace(/\s+/g, "-");
  return `${part.slice(0, 120)}.pdf`;
}
