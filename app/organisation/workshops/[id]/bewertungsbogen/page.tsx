import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { EvaluationSettingsForm } from "@/components/organiser-evaluation-forms";
import { OrganiserFlash } from "@/components/organiser-flash";
import { QuestionFormSection } from "@/components/organiser-question-form";
import { evaluationQuestionValues, listedEvaluationQuestions, QuestionList } from "@/components/organiser-question-list";
import { organiserRead } from "@/lib/auth/organiser-action";
import { getEvaluationSetup } from "@/lib/evaluation/queries";
import { readFlash } from "@/lib/organiser/flash";
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
  const workshopId = setup.workshop.id;
  const path = `/organisation/workshops/${workshopId}/bewertungsbogen` as const;
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
        {setup.mayEditDefault ? (
          <p>
            <Link href={`/organisation/admin/programme/${setup.workshop.programmeId}/bewertungsbogen#defaults-heading`}>
              {t("evaluation.settings.editDefaults")}
            </Link>
          </p>
        ) : null}
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
        <p>
          {own ? t("evaluation.usesOwn") : t("evaluation.usesDefault")}
          {!own && setup.mayEditDefault ? (
            <>
              {" "}
              <Link href={`/organisation/admin/programme/${setup.workshop.programmeId}/bewertungsbogen`}>{t("evaluation.editDefault")}</Link>
            </>
          ) : null}
        </p>
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
          <QuestionList
            label={t("evaluation.listLabel")}
            questions={await listedEvaluationQuestions(setup.questions)}
            hidden={{ workshopId }}
            editPath={own ? path : undefined}
            moveAction={submitEvaluationQuestionMove}
            removeAction={submitEvaluationQuestionRemoval}
          />
        )}
      </section>

      {own ? (
        <QuestionFormSection
          heading={editing ? t("evaluation.editHeading") : t("evaluation.addHeading")}
          cancelLabel={t("evaluation.form.cancel")}
          cancelPath={path}
          kind="evaluation"
          action={submitEvaluationQuestion}
          hidden={{ workshopId }}
          editing={editing ? { id: editing.id, initialValues: evaluationQuestionValues(editing) } : null}
        />
      ) : null}
    </>
  );
}
