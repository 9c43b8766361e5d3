import "server-only";
import { recordAudit } from "../audit/record-audit";
import { assertAdmin, type Actor } from "../auth/authorisation";
import { db } from "../db";
import { currentProgrammeId } from "./queries";
import { certificateIssuerSchema } from "./schema";

export type SaveCertificateIssuerOutcome = { ok: true } | { ok: false; code: "invalid" | "no-programme" };

/** An administrator sets who signs the programme's certificates (name and role; both may be empty). */
export async function saveCertificateIssuer(actor: Actor | null, input: Record<string, unknown>): Promise<SaveCertificateIssuerOutcome> {
  const signedIn = assertAdmin(actor);
  const parsed = certificateIssuerSchema.safeParse(input);
  if (!parsed.success) return { ok: false, code: "invalid" };
  return db.$transaction(async (tx) => {
    const programmeId = await currentProgrammeId(tx);
    if (!programmeId) return { ok: false as const, code: "no-programme" as const };
    await tx.certificateSettings.upsert({
      where: { programmeId },
      create: { programmeId, ...parsed.data },
      update: parsed.data,
      select: { programmeId: true },
    });
    await recordAudit(tx, {
      actor: signedIn,
      action: "certificate.issuer-saved",
      subjectType: "programme",
      subjectId: programmeId,
      details: { ...parsed.data },
    });
    return { ok: true as const };
  });
}
