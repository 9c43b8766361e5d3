import "server-only";
import { recordAudit } from "../audit/record-audit";
import { assertCanManageSession, type Actor } from "../auth/authorisation";
import { db } from "../db";
import type { Locale } from "../i18n/catalogue";
import { isUuid } from "../input/uuid";
import { translator } from "../i18n/translator";
import { certificateFileName, loadCertificateContents } from "./certificate-contents";
import { renderCertificates } from "./draw-certificate";

export type SessionCertificates = { ok: true; pdf: Buffer; fileName: string; count: number } | { ok: false; code: "no-certificates" };

/**
 * An organiser downloads the certificates of a session: everyone marked as
 * attended, one page each in the person's own language, or only the one
 * registration named. Authorised like every organiser command (again inside
 * the transaction) and recorded in the audit log with how many and whose.
 */
export async function downloadSessionCertificates(
  actor: Actor | null,
  sessionId: string,
  registrationId: string | null,
  options: { locale: Locale; now?: Date },
): Promise<SessionCertificates> {
  const now = options.now ?? new Date();
  await assertCanManageSession(actor, sessionId);
  // A malformed id names nobody (and never reaches the uuid column).
  if (registrationId !== null && !isUuid(registrationId)) return { ok: false, code: "no-certificates" };
  const found = await db.$transaction(async (tx) => {
    const { actor: signedIn } = await assertCanManageSession(actor, sessionId, tx);
    const contents = await loadCertificateContents(tx, { sessionId, ...(registrationId ? { id: registrationId } : {}) }, now);
    if (contents.length === 0) return null;
    await recordAudit(tx, {
      actor: signedIn,
      action: "certificate.download",
      subjectType: registrationId ? "registration" : "session",
      subjectId: registrationId ?? sessionId,
      details: { sessionId, count: contents.length },
    });
    return contents;
  });
  if (!found) return { ok: false, code: "no-certificates" };
  const first = found[0]!;
  const t = translator(options.locale, "certificates");
  const pdf = await renderCertificates(found, {
    title: registrationId ? t("pdf.documentTitle", { name: first.participantName }) : t("pdf.documentTitleMany", { workshop: first.workshopTitle }),
    author: first.programmeName,
  });
  const fileName = registrationId
    ? certificateFileName(t("pdf.fileName"), first.participantName)
    : certificateFileName(t("pdf.fileNameMany"), first.workshopTitle.slice(0, 60));
  return { ok: true, pdf, fileName, count: found.length };
}
