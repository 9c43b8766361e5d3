import "server-only";
import { db } from "../db";
import { isLocale } from "../i18n/catalogue";
import { translator } from "../i18n/translator";
import { certificateFileName, loadCertificateContents } from "./certificate-contents";
import { renderCertificates } from "./draw-certificate";

export type ParticipantCertificate = { ok: true; pdf: Buffer; fileName: string } | { ok: false; code: "no-certificate" };

/**
 * The certificate of the registration a private link belongs to, in the
 * participant's language, when it has one (attended, session over, not
 * anonymised). Produced on demand; the only write is the verification code
 * the first time.
 */
export async function participantCertificate(registrationId: string, now = new Date()): Promise<ParticipantCertificate> {
  const contents = await db.$transaction((tx) => loadCertificateContents(tx, { id: registrationId }, now));
  const content = contents[0];
  if (!content) return { ok: false, code: "no-certificate" };
  const t = translator(isLocale(content.locale) ? content.locale : "de", "certificates");
  const pdf = await renderCertificates([content], { title: t("pdf.documentTitle", { name: content.participantName }), author: content.programmeName });
  return { ok: true, pdf, fileName: certificateFileName(t("pdf.fileName"), content.participantName) };
}
