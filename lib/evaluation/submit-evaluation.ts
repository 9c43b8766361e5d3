import "server-only";
import { db } from "../db";
import { consumeRateLimit, RATE_LIMITS } from "../rate-limit/consume-rate-limit";
import { lookUpPrivateLink } from "../rate-limit/look-up-private-link";
import { hashEvaluationToken, looksLikeEvaluationToken } from "./evaluation-token";
import { questionnaire } from "./queries";
import { parseEvaluationAnswers } from "./schema";

export type SubmitEvaluationOutcome =
  { ok: true } | { ok: false; code: "invalid"; fieldErrors: Record<string, string> } | { ok: false; code: "already-answered" | "not-found" | "rate-limited" };

/**
 * Stores one evaluation through a personal link, once. Anonymous by design
 * (docs/decisions/0028): the invitation, which belongs to a registration,
 * only learns that it has been answered; the response gets the workshop and
 * the session and nothing else (no registration, address, language or time),
 * and nothing here is logged or audited. Marking the invitation and storing
 * the answers happen in one transaction, so a second submission through the
 * same link, even at the same moment, finds it answered and stores nothing.
 */
export async function submitEvaluation(
  token: string,
  form: { get(name: string): unknown; getAll(name: string): unknown[] },
  context: { ip: string | null },
): Promise<SubmitEvaluationOutcome> {
  const { ip } = context;
  // Every post counts against the caller's address, before anything is looked
  // up; links that match nothing count again, under the limit of the page
  // (openEvaluationForm). Past either limit nothing is read or stored. The
  // counter holds the hash of the address and its window, never a link.
  if (ip && !(await consumeRateLimit(RATE_LIMITS.evaluationSubmissionPerIp, ip))) return { ok: false, code: "rate-limited" };
  const hash = looksLikeEvaluationToken(token) ? hashEvaluationToken(token) : null;
  const invitation = await lookUpPrivateLink(
    RATE_LIMITS.evaluationLinkPerIp,
    async () =>
      hash
        ? db.evaluationInvitation.findFirst({
            where: { OR: [{ tokenHash: hash }, { reminderTokenHash: hash }] },
            select: { answered: true, session: { select: { workshop: { select: { id: true, programmeId: true, evaluationOwnQuestions: true } } } } },
          })
        : null,
    ip,
  );
  if (invitation === "rate-limited") return { ok: false, code: "rate-limited" };
  if (invitation === "unknown" || !hash) return { ok: false, code: "not-found" };
  if (invitation.answered) return { ok: false, code: "already-answered" };
  const questions = await questionnaire(db, invitation.session.workshop);
  const parsed = parseEvaluationAnswers(
    questions.map((question) => ({
      id: question.id,
      type: question.type,
      required: question.required,
      optionValues: question.options.map((option) => option.value),
    })),
    form,
  );
  if (!parsed.ok) return { ok: false, code: "invalid", fieldErrors: parsed.fieldErrors };

  return db.$transaction(async (tx) => {
    const claimed = await tx.$queryRaw<{ sessionId: string }[]>`
      UPDATE "evaluation_invitations" SET "answered" = true
      WHERE ("tokenHash" = ${hash} OR "reminderTokenHash" = ${hash}) AND NOT "answered"
      RETURNING "sessionId"`;
    const sessionId = claimed[0]?.sessionId;
    if (!sessionId) return { ok: false as const, code: "already-answered" as const };
    const response = await tx.evaluationResponse.create({ data: { workshopId: invitation.session.workshop.id, sessionId }, select: { id: true } });
    await tx.evaluationAnswer.createMany({
      data: [...parsed.answers].map(([questionId, answer]) => ({
        responseId: response.id,
        questionId,
        rating: answer.rating ?? null,
        choices: answer.choices ?? [],
        text: answer.text ?? null,
      })),
    });
    return { ok: true as const };
  });
}
