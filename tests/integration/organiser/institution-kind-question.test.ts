// The standard question for the kind of institution on a workshop's
// registration form: what the dashboard and the funder report count
// (decisions 0030 and 0034).
import { describe, expect, it } from "vitest";
import { AuthorizationError } from "@/lib/auth/authorisation";
import { INSTITUTION_KIND_KEY, institutionKindOptions } from "@/lib/dashboard/institution-kinds";
import { db } from "@/lib/db";
import { addInstitutionKindQuestion } from "@/lib/workshops/add-institution-kind-question";
import { createWorkshop } from "@/lib/workshops/create-workshop";
import { saveQuestion } from "@/lib/workshops/save-question";
import { organiserWorld } from "../../helpers/organiser-world";

function reportQuestions(workshopId: string) {
  return db.question.findMany({
    where: { workshopId, reportKey: INSTITUTION_KIND_KEY },
    select: { id: true, type: true, labelDe: true, options: true, position: true },
  });
}

describe("the standard question for the kind of institution", () => {
  it("is added once only, even when the button is sent twice at the same moment, at the end of the form", async () => {
    const world = await organiserWorld();
    const workshopId = world.workshopA.id;
    await db.question.deleteMany({ where: { workshopId, reportKey: INSTITUTION_KIND_KEY } });
    const before = await db.question.count({ where: { workshopId } });
    const outcomes = await Promise.all([
      addInstitutionKindQuestion(world.actors.organiserA, workshopId),
      addInstitutionKindQuestion(world.actors.organiserA, workshopId),
    ]);
    expect(outcomes.map((outcome) => outcome.added).sort()).toEqual([false, true]);
    expect(await addInstitutionKindQuestion(world.actors.admin, workshopId)).toEqual({ ok: true, added: false });
    const [question, ...more] = await reportQuestions(workshopId);
    expect(more).toEqual([]);
    expect(question).toMatchObject({ type: "SINGLE_CHOICE", options: institutionKindOptions, position: before });
    expect(await db.auditEvent.count({ where: { action: "question.create", subjectId: question!.id } })).toBe(1);
  });

  it("is refused to organisers of other workshops and to nobody signed in", async () => {
    const world = await organiserWorld();
    const workshopId = world.workshopA.id;
    await db.question.deleteMany({ where: { workshopId, reportKey: INSTITUTION_KIND_KEY } });
    for (const actor of [world.actors.organiserB, null]) {
      await expect(addInstitutionKindQuestion(actor, workshopId)).rejects.toBeInstanceOf(AuthorizationError);
    }
    expect(await reportQuestions(workshopId)).toEqual([]);
  });

  it("keeps its type and options when edited, so the report still counts it; its wording changes", async () => {
    const world = await organiserWorld();
    const workshopId = world.workshopA.id;
    await addInstitutionKindQuestion(world.actors.organiserA, workshopId);
    const [question] = await reportQuestions(workshopId);
    const outcome = await saveQuestion(
      world.actors.organiserA,
      { questionId: question!.id },
      { type: "TEXT", labelDe: "Wo arbeiten Sie? (optional)", labelEn: "Where do you work? (optional)", options: "" },
    );
    expect(outcome.ok).toBe(true);
    expect(await reportQuestions(workshopId)).toEqual([{ ...question, labelDe: "Wo arbeiten Sie? (optional)" }]);
  });

  it("is on the form of every new workshop", async () => {
    const { actors } = await organiserWorld();
    const created = await createWorkshop(actors.organiserA, { title: "Neuer Workshop mit Standardfrage", summary: "Kurz", description: "Lang" });
    if (!created.ok) throw new Error(JSON.stringify(created));
    expect(await reportQuestions(created.workshopId)).toEqual([
      expect.objectContaining({ type: "SINGLE_CHOICE", options: institutionKindOptions, position: 0 }),
    ]);
  });
});
