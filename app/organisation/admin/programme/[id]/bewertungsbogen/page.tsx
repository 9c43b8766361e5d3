import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { EvaluationDefaultsForm } from "@/components/organiser-evaluation-forms";
import { OrganiserFlash } from "@/components/organiser-flash";
import { QuestionFormSection } from "@/components/organiser-question-form";
import { evaluationQuestionValues, listedEvaluationQuestions, QuestionList } from "@/components/organiser-question-list";
import { organiserRead } from "@/lib/auth/organiser-action";
import { getProgrammeQuestionnaire } from "@/lib/evaluation/queries";
import { readFlash } from "@/lib/organiser/flash";
import { AdminNav } from "../../../_components/admin-nav";
import { submitDefaultQuestion, submitDefaultQuestionMove, submitDefaultQuestionRemoval, submitEvaluationDefaults } from "./actions";

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const questionnaire = await organiserRead(async (actor) => getProgrammeQuestionnaire(actor, (await params).id));
  const t = await getTranslations("organiser.evaluation");
  return { title: t("defaultTitle", { programme: questionnaire.programme.name }) };
}

/** The programme's default evaluation questionnaire and numbers: what every workshop without its own asks and follows. */
export default async function ProgrammeQuestionnairePage({ params, searchParams }: Props) {
  const { id } = await params;
  const [questionnaire, query] = await Promise.all([
    organiserRead((actor) => getProgrammeQuestionnaire(actor, id), `/organisation/admin/programme/${id}/bewertungsbogen`),
    searchParams,
  ]);
  const t = await getTranslations("organiser");
  const programmeId = questionnaire.programme.id;
  const path = `/organisation/admin/programme/${programmeId}/bewertungsbogen` as const;
  const editing = questionnaire.questions.find((question) => question.id === query.bearbeiten);
  return (
    <>
      <AdminNav current="programmes" />
      <p>
        <Link href={`/organisation/admin/programme/${programmeId}`}>{t("evaluation.defaultBack", { programme: questionnaire.programme.name })}</Link>
      </p>
      <h1>{t("evaluation.defaultTitle", { programme: questionnaire.programme.name })}</h1>
      <OrganiserFlash flash={readFlash(query)} />
      <p>{t("evaluation.defaultIntro", { count: questionnaire.workshopsUsingDefault })}</p>

      <section aria-labelledby="defaults-heading">
        <h2 id="defaults-heading">{t("evaluation.defaults.heading")}</h2>
        <p>{t("evaluation.defaults.intro")}</p>
        <EvaluationDefaultsForm action={submitEvaluationDefaults} programmeId={programmeId} initialValues={questionnaire.defaults} />
      </section>

      <section aria-labelledby="questions-heading">
        <h2 id="questions-heading">{t("evaluation.questionsHeading")}</h2>
        {questionnaire.questions.length === 0 ? (
          <p className="notice notice--warning">{t("evaluation.noQuestions")}</p>
        ) : (
          <QuestionList
            label={t("evaluation.listLabel")}
            questions={await listedEvaluationQuestions(questionnaire.questions)}
            hidden={{ programmeId }}
            editPath={path}
            moveAction={submitDefaultQuestionMove}
            removeAction={submitDefaultQuestionRemoval}
          />
        )}
      </section>

      <QuestionFormSection
        heading={editing ? t("evaluation.editHeading") : t("evaluation.addHeading")}
        cancelLabel={t("evaluation.form.cancel")}
        cancelPath={path}
        kind="evaluation"
        action={submitDefaultQuestion}
        hidden={{ programmeId }}
        editing={editing ? { id: editing.id, initialValues: evaluationQuestionValues(editing) } : null}
      />
    </>
  );
}
