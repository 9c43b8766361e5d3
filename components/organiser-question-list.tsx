// The ordered list of a form's questions with "move up", "move down", "edit"
// and "remove" per question, each a small form that works without
// JavaScript. Shared by the registration questions, a workshop's evaluation
// questionnaire and the programme's default questionnaire.
import type { Route } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { optionsText } from "@/lib/workshops/schema";

export type ListedQuestion = {
  id: string;
  labelDe: string;
  labelEn: string;
  /** Type, required, options … as one line. */
  details: string;
  /** A remark under the details, e.g. that a report counts the answers. */
  note?: string;
  /** False where answers forbid removing (the remove button is left out). */
  removable: boolean;
};

export async function QuestionList({
  label,
  questions,
  hidden,
  editPath,
  moveAction,
  removeAction,
}: {
  label: string;
  questions: ListedQuestion[];
  /** Sent with every button, e.g. the workshop's id for the redirect back. */
  hidden: Record<string, string>;
  /** The page the edit link opens with ?bearbeiten=; without it the list only shows the questions. */
  editPath?: string;
  moveAction: (form: FormData) => Promise<void>;
  removeAction: (form: FormData) => Promise<void>;
}) {
  const t = await getTranslations("organiser.questions");
  const last = questions.length - 1;
  const hiddenFields = (questionId: string) => (
    <>
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <input type="hidden" name="questionId" value={questionId} />
    </>
  );
  return (
    <ol className="org-question-list" aria-label={label}>
      {questions.map((question, index) => {
        const named = <span className="visually-hidden"> ({question.labelDe})</span>;
        return (
          <li key={question.id}>
            <p className="org-question-list__label">
              <strong>{question.labelDe}</strong> <span lang="en">({question.labelEn})</span>
            </p>
            <p className="meta">{question.details}</p>
            {question.note ? <p className="org-question-list__note">{question.note}</p> : null}
            {editPath ? (
              <div className="org-actions">
                {(["up", "down"] as const).map((direction) =>
                  (direction === "up" ? index > 0 : index < last) ? (
                    <form key={direction} action={moveAction}>
                      {hiddenFields(question.id)}
                      <input type="hidden" name="direction" value={direction} />
                      <button type="submit" className="button button--quiet button--small">
                        {direction === "up" ? t("moveUp") : t("moveDown")}
                        {named}
                      </button>
                    </form>
                  ) : null,
                )}
                <Link href={`${editPath}?bearbeiten=${question.id}#frage-form` as Route} className="button button--quiet button--small">
                  {t("edit")}
                  {named}
                </Link>
                {question.removable ? (
                  <details className="org-confirm">
                    <summary>
                      {t("remove")}
                      {named}
                    </summary>
                    <form action={removeAction}>
                      {hiddenFields(question.id)}
                      <button type="submit" className="button button--danger button--small">
                        {t("removeConfirm", { label: question.labelDe })}
                      </button>
                    </form>
                  </details>
                ) : null}
              </div>
            ) : null}
          </li>
        );
      })}
    </ol>
  );
}

type EvaluationListQuestion = {
  id: string;
  type: "RATING" | "SINGLE_CHOICE" | "MULTIPLE_CHOICE" | "TEXT";
  labelDe: string;
  labelEn: string;
  required: boolean;
  scaleLowDe: string;
  scaleHighDe: string;
  options: { labelDe: string }[];
  answers: number;
};

/** An evaluation question as the list shows it; one with answers cannot be removed (decision 0028). */
export async function listedEvaluationQuestions(questions: EvaluationListQuestion[]): Promise<ListedQuestion[]> {
  const t = await getTranslations("organiser");
  return questions.map((question) => ({
    id: question.id,
    labelDe: question.labelDe,
    labelEn: question.labelEn,
    details: [
      t(`evaluation.types.${question.type}`),
      question.required ? t("evaluation.required") : t("evaluation.optional"),
      question.type === "RATING" ? t("evaluation.scale", { low: question.scaleLowDe, high: question.scaleHighDe }) : null,
      question.options.length > 0 ? t("questions.options", { options: question.options.map((option) => option.labelDe).join(", ") }) : null,
      t("evaluation.answers", { count: question.answers }),
    ]
      .filter(Boolean)
      .join(" · "),
    removable: question.answers === 0,
  }));
}

/** The form's starting values for editing an evaluation question. */
export function evaluationQuestionValues(
  question: EvaluationListQuestion & {
    labelEn: string;
    scaleLowEn: string;
    scaleHighEn: string;
    options: { labelDe: string; labelEn: string; value: string }[];
  },
) {
  return {
    type: question.type,
    labelDe: question.labelDe,
    labelEn: question.labelEn,
    required: question.required ? "on" : "",
    scaleLowDe: question.scaleLowDe,
    scaleLowEn: question.scaleLowEn,
    scaleHighDe: question.scaleHighDe,
    scaleHighEn: question.scaleHighEn,
    options: optionsText(question.options),
  };
}
