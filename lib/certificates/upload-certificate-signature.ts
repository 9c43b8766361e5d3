import "server-only";
import { fileTypeFromBuffer } from "file-type";
import { recordAudit } from "../audit/record-audit";
import { assertAdmin, type Actor } from "../auth/authorisation";
import { db } from "../db";
import { renderPdf } from "../pdf/create-document";
import { currentProgrammeId } from "./queries";
import { SIGNATURE_MAX_BYTES } from "./schema";

export type UploadSignatureOutcome =
  { ok: true } | { ok: false; code: "file-missing" | "signature-too-large" | "signature-type-refused" | "signature-unreadable" | "no-programme" };

const imageKinds: Record<string, string> = { png: "image/png", jpg: "image/jpeg" };

/**
 * An administrator stores the signature image printed on every certificate.
 * Judged by its content as material uploads are (file-type): only PNG and
 * JPEG, whatever the name or the browser claims; then placed once into a
 * throwaway PDF, so an image the PDF library cannot read is refused here and
 * never breaks a participant's download later.
 */
export async function uploadCertificateSignature(actor: Actor | null, file: { bytes: Uint8Array } | null): Promise<UploadSignatureOutcome> {
  const signedIn = assertAdmin(actor);
  if (!file || file.bytes.length === 0) return { ok: false, code: "file-missing" };
  if (file.bytes.length > SIGNATURE_MAX_BYTES) return { ok: false, code: "signature-too-large" };
  const mimeType = imageKinds[(await fileTypeFromBuffer(file.bytes))?.ext ?? ""];
  if (!mimeType) return { ok: false, code: "signature-type-refused" };
  const bytes = Buffer.from(file.bytes);
  try {
    await renderPdf({ title: "check", author: "check", language: "de-DE" }, (document) => {
      document.image(bytes, 0, 0, { fit: [200, 60] });
    });
  } catch {
    return { ok: false, code: "signature-unreadable" };
  }
  return db.$transaction(async (tx) => {
    const programmeId = await currentProgrammeId(tx);
    if (!programmeId) return { ok: false as const, code: "no-programme" as const };
    const data = { signature: bytes, signatureMimeType: mimeType };
    await tx.certificateSettings.upsert({ where: { programmeId }, create: { programmeId, ...data }, update: data, select: { programmeId: true } });
    await recordAudit(tx, {
      actor: signedIn,
      action: "certificate.signature-uploaded",
      subjectType: "programme",
      subjectId: programmeId,
      details: { mimeType, sizeBytes: bytes.length },
    });
    return { ok: true as const };
  });
}
