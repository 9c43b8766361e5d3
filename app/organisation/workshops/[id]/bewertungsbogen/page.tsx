import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { EvaluationQuestionForm, EvaluationSettingsForm } from "@/components/organiser-evaluation-forms";
import { OrganiserFlash } from "@/components/organiser-flash";
import { organiserRead } from "@/lib/auth/organiser-action";
import { getEvaluationSetup } from "@/lib/evaluation/queries";
import { readFlash } from "@/lib/organiser/flash";
import { optionsText } from "@/lib/workshops/schema";
import {
  submitEvaluationQuestion,
  submitEvaluationQuestionMove,
  submitEvaluationQuestionnaire,
  submitEvaluationQuestionRemoval,
  submitEvaluationSettings,
} from "./actions";

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const setup = await organiserRead(async (actor) => getEvaluationSetup(actor, (await params).id));
  const t = await getTranslations("organiser.evaluation");
  return { title: t("setupTitle", { workshop: setup.workshop.title }) };
}

export default async function EvaluationSetupPage({ params, searchParams }: Props) {
  const { id } = await params;
  const query = await searchParams;
  const setup = await organiserRead((actor) => getEvaluationSetup(actor, id), `/organisation/workshops/${id}/bewertungsbogen`);
  const t = await getTranslations("organiser");
  const own = setup.settings.ownQuestions;
  const editing = own ? setup.questions.find((question) => question.id === query.bearbeiten) : undefined;
  const last = setup.questions.length - 1;
  const workshopId = setup.workshop.id;
  return (
    <>
      <p>
        <Link href={`/organisation/workshops/${workshopId}`}>{t("workshops.back")}</Link>
      </p>
      <h1>{t("evaluation.setupTitle", { workshop: setup.workshop.title })}</h1>
      <OrganiserFlash flash={readFlash(query)} />
      <p>{t("evaluation.setupIntro")}</p>
      <p>
        <Link href={`/organisation/workshops/${workshopId}/auswertung`}>{t("evaluation.resultsLink")}</Link>
      </p>

      <section aria-labelledby="settings-heading">
        <h2 id="settings-heading">{t("evaluation.settingsHeading")}</h2>
        <EvaluationSettingsForm
          action={submitEvaluationSettings}
          workshopId={workshopId}
          defaults={setup.defaults}
          initialValues={{
            enabled: setup.settings.enabled ? "on" : "",
            recipients: setup.settings.recipients,
            delayHours: setup.own.delayHours?.toString() ?? "",
            reminderDays: setup.own.reminderDays?.toString() ?? "",
            minimumAnswers: setup.own.minimumAnswers?.toString() ?? "",
          }}
        />
      </section>

      <section aria-labelledby="questions-heading">
        <h2 id="questions-heading">{t("evaluation.questionsHeading")}</h2>
        <p>{own ? t("evaluation.usesOwn") : t("evaluation.usesDefault")}</p>
        <form action={submitEvaluationQuestionnaire}>
          <input type="hidden" name="workshopId" value={workshopId} />
          <input type="hidden" name="questionnaire" value={own ? "default" : "own"} />
          <button type="submit" className="button button--quiet">
            {own ? t("evaluation.useDefault") : t("evaluation.makeOwn")}
          </button>
        </form>
        {setup.questions.length === 0 ? (
          <p className="notice notice--warning">{t("evaluation.noQuestions")}</p>
        ) : (
          <ol className="org-question-list" aria-label={t("evaluation.listLabel")}>
            {setup.questions.map((question, index) => (
              <li key={question.id}>
                <p className="org-question-list__label">
                  <strong>{question.labelDe}</strong> <span lang="en">({question.labelEn})</span>
                </p>
                <p className="meta">
                  {t(`evaluation.types.${question.type}`)} · {question.required ? t("evaluation.required") : t("evaluation.optional")}
                  {question.type === "RATING" ? ` · ${t("evaluation.scale", { low: question.scaleLowDe, high: question.scaleHighDe })}` : null}
                  {question.options.length > 0
                    ? ` · ${t("questions.options", { options: question.options.map((option) => option.labelDe).join(", ") })}`
                    : null}
                  {` · ${t("evaluation.answers", { count: question.answers })}`}
                </p>
                {own ? (
                  <div className="org-actions">
                    {index > 0 ? (
                      <form action={submitEvaluationQuestionMove}>
                        <input type="hidden" name="workshopId" value={workshopId} />
                        <input type="hidden" name="questionId" value={question.id} />
                        <input type="hidden" name="direction" value="up" />
                        <button type="submit" className="button button--quiet button--small">
                          {t("questions.moveUp")}
                          <span className="visually-hidden"> ({question.labelDe})</span>
                        </button>
                      </form>
                    ) : null}
                    {index < last ? (
                      <form action={submitEvaluationQuestionMove}>
                        <input type="hidden" name="workshopId" value={workshopId} />
                        <input type="hidden" name="questionId" value={question.id} />
                        <input type="hidden" name="direction" value="down" />
                        <button type="submit" className="button button--quiet button--small">
                          {t("questions.moveDown")}
                          <span className="visually-hidden"> ({question.labelDe})</span>
                        </button>
                      </form>
                    ) : null}
                    <Link href={`?bearbeiten=${question.id}#frage-form`} className="button button--quiet button--small">
                      {t("questions.edit")}
                      <span className="visually-hidden"> ({question.labelDe})</span>
                    </Link>
                    {question.answers === 0 ? (
                      <details className="org-confirm">
                        <summary>
                          {t("questions.remove")}
                          <span className="visually-hidden"> ({question.labelDe})</span>
                        </summary>
                        <form action={submitEvaluationQuestionRemoval}>
                          <input type="hidden" name="workshopId" value={workshopId} />
                          <input type="hidden" name="questionId" value={question.id} />
                          <button type="submit" className="button button--danger button--small">
                            {t("questions.removeConfirm", { label: question.labelDe })}
                          </button>
                        </form>
                      </details>
                    ) : null}
                  </div>
                ) : null}
              </li>
            ))}
          </ol>
        )}
      </section>

      {own ? (
        <section aria-labelledby="question-form-heading">
          <h2 id="question-form-heading">{editing ? t("evaluation.editHeading") : t("evaluation.addHeading")}</h2>
          {editing ? (
            <>
              <EvaluationQuestionForm
                key={editing.id}
                action={submitEvaluationQuestion}
                target={{ workshopId, questionId: editing.id }}
                initialValues={{
                  type: editing.type,
                  labelDe: editing.labelDe,
                  labelEn: editing.labelEn,
                  required: editing.required ? "on" : "",
                  scaleLowDe: editing.scaleLowDe,
                  scaleLowEn: editing.scaleLowEn,
                  scaleHighDe: editing.scaleHighDe,
                  scaleHighEn: editing.scaleHighEn,
                  options: optionsText(editing.options),
                }}
              />
              <p>
                <Link href={`/organisation/workshops/${workshopId}/bewertungsbogen`}>{t("evaluation.form.cancel")}</Link>
              </p>
            </>
          ) : (
            <EvaluationQuestionForm action={submitEvaluationQuestion} target={{ workshopId }} />
          )}
        </section>
      ) : null}
    </>
  );
}
