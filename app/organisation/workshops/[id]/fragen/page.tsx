import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { OrganiserFlash } from "@/components/organiser-flash";
import { QuestionFormSection } from "@/components/organiser-question-form";
import { QuestionList } from "@/components/organiser-question-list";
import { organiserRead } from "@/lib/auth/organiser-action";
import { INSTITUTION_KIND_KEY } from "@/lib/dashboard/institution-kinds";
import { readFlash } from "@/lib/organiser/flash";
import { getWorkshopForEditing } from "@/lib/workshops/organiser-queries";
import { optionsText } from "@/lib/workshops/schema";
import { submitInstitutionKindQuestion, submitQuestion, submitQuestionMove, submitQuestionRemoval } from "./actions";

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const workshop = await organiserRead(async (actor) => getWorkshopForEditing(actor, (await params).id));
  const t = await getTranslations("organiser.questions");
  return { title: t("title", { workshop: workshop.title }) };
}

export default async function QuestionsPage({ params, searchParams }: Props) {
  const { id } = await params;
  const query = await searchParams;
  const workshop = await organiserRead((actor) => getWorkshopForEditing(actor, id), `/organisation/workshops/${id}/fragen`);
  const t = await getTranslations("organiser");
  const path = `/organisation/workshops/${workshop.id}/fragen` as const;
  const editing = workshop.questions.find((question) => question.id === query.bearbeiten);
  const asksInstitutionKind = workshop.questions.some((question) => question.reportKey === INSTITUTION_KIND_KEY);
  return (
    <>
      <p>
        <Link href={`/organisation/workshops/${workshop.id}`}>{t("workshops.back")}</Link>
      </p>
      <h1>{t("questions.title", { workshop: workshop.title })}</h1>
      <OrganiserFlash flash={readFlash(query)} />
      <p>{t("questions.intro")}</p>
      {workshop.questions.length === 0 ? (
        <p>{t("questions.empty")}</p>
      ) : (
        <QuestionList
          label={t("questions.listLabel")}
          questions={workshop.questions.map((question) => ({
            id: question.id,
            labelDe: question.labelDe,
            labelEn: question.labelEn,
            details: [
              t(`questions.types.${question.type}`),
              question.required ? t("questions.required") : t("questions.optional"),
              question.options.length > 0 ? t("questions.options", { options: question.options.map((option) => option.labelDe).join(", ") }) : null,
            ]
              .filter(Boolean)
              .join(" · "),
            note: question.reportKey === INSTITUTION_KIND_KEY ? t("questions.countedInReport") : undefined,
            removable: true,
          }))}
          hidden={{ workshopId: workshop.id }}
          editPath={path}
          moveAction={submitQuestionMove}
          removeAction={submitQuestionRemoval}
        />
      )}
      {asksInstitutionKind ? null : (
        <form action={submitInstitutionKindQuestion} className="org-standard-question">
          <input type="hidden" name="workshopId" value={workshop.id} />
          <p>{t("questions.institutionKindHint")}</p>
          <button type="submit" className="button button--quiet">
            {t("questions.addInstitutionKind")}
          </button>
        </form>
      )}

      <QuestionFormSection
        heading={editing ? t("questions.editHeading") : t("questions.addHeading")}
        cancelLabel={t("questions.form.cancel")}
        cancelPath={path}
        kind="registration"
        action={submitQuestion}
        hidden={{ workshopId: workshop.id }}
        editing={
          editing
            ? {
                id: editing.id,
                fixedOptions: editing.reportKey ? editing.options.map((option) => option.labelDe) : undefined,
                initialValues: {
                  type: editing.type,
                  labelDe: editing.labelDe,
                  labelEn: editing.labelEn,
                  required: editing.required ? "on" : "",
                  options: optionsText(editing.options),
                },
              }
            : null
        }
      />
    </>
  );
}
