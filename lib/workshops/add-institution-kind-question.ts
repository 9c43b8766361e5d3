import "server-only";
import type { Prisma } from "../generated/prisma/client";
import { recordAudit } from "../audit/record-audit";
import { assertCanManageWorkshop, type Actor } from "../auth/authorisation";
import { forgetPublicContent } from "../cache/forget-public-content";
import { INSTITUTION_KIND_KEY, institutionKindQuestion } from "../dashboard/institution-kinds";
import { db } from "../db";

/**
 * Adds the standard question at the end of the registration form. A workshop
 * asks it at most once (unique workshopId + reportKey): a second submission,
 * also a concurrent one, inserts nothing and still reports success.
 */
export async function addInstitutionKindQuestion(actor: Actor | null, workshopId: string): Promise<{ ok: true; added: boolean }> {
  await assertCanManageWorkshop(actor, workshopId);
  return db
    .$transaction(async (tx) => {
      const signedIn = await assertCanManageWorkshop(actor, workshopId, tx);
      const questionId = await insertInstitutionKindQuestion(tx, workshopId);
      if (!questionId) return { ok: true as const, added: false };
      await recordAudit(tx, {
        actor: signedIn,
        action: "question.create",
        subjectType: "question",
        subjectId: questionId,
        details: { workshopId, type: institutionKindQuestion.type, reportKey: INSTITUTION_KIND_KEY },
      });
      return { ok: true as const, added: true };
    })
    .then(forgetPublicContent);
}

/** Inserts the question unless the workshop has it; the id of the new question, or null. Also used when a workshop is created. */
export async function insertInstitutionKindQuestion(tx: Prisma.TransactionClient, workshopId: string): Promise<string | null> {
  const last = await tx.question.aggregate({ where: { workshopId }, _max: { position: true } });
  const [inserted] = await tx.$queryRaw<{ id: string }[]>`
    INSERT INTO questions (id, "workshopId", position, type, "labelDe", "labelEn", required, options, "reportKey")
    VALUES (gen_random_uuid(), ${workshopId}::uuid, ${(last._max.position ?? -1) + 1}, ${institutionKindQuestion.type}::"QuestionType",
            ${institutionKindQuestion.labelDe}, ${institutionKindQuestion.labelEn}, false, ${JSON.stringify(institutionKindQuestion.options)}::jsonb,
            ${INSTITUTION_KIND_KEY})
    ON CONFLICT ("workshopId", "reportKey") DO NOTHING
    RETURNING id`;
  return inserted?.id ?? null;
}
