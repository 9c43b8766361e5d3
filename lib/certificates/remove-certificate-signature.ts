import "server-only";
import { recordAudit } from "../audit/record-audit";
import { assertAdmin, type Actor } from "../auth/authorisation";
import { db } from "../db";
import { currentProgrammeId } from "./queries";

export type RemoveSignatureOutcome = { ok: true } | { ok: false; code: "no-programme" };

/** An administrator removes the signature image; certificates then carry the issuer's name only. */
export async function removeCertificateSignature(actor: Actor | null): Promise<RemoveSignatureOutcome> {
  const signedIn = assertAdmin(actor);
  return db.$transaction(async (tx) => {
    const programmeId = await currentProgrammeId(tx);
    if (!programmeId) return { ok: false as const, code: "no-programme" as const };
    const { count } = await tx.certificateSettings.updateMany({ where: { programmeId }, data: { signature: null, signatureMimeType: null } });
    await recordAudit(tx, {
      actor: signedIn,
      action: "certificate.signature-removed",
      subjectType: "programme",
      subjectId: programmeId,
      details: { removed: count },
    });
    return { ok: true as const };
  });
}
