import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { OrganiserFlash } from "@/components/organiser-flash";
import { QuestionForm } from "@/components/organiser-question-form";
import { organiserRead } from "@/lib/auth/organiser-action";
import { readFlash } from "@/lib/organiser/flash";
import { getWorkshopForEditing } from "@/lib/workshops/organiser-queries";
import { optionsText } from "@/lib/workshops/schema";
import { submitQuestion, submitQuestionMove, submitQuestionRemoval } from "./actions";

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
  const editing = workshop.questions.find((question) => question.id === query.bearbeiten);
  const last = workshop.questions.length - 1;
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
        <ol className="org-question-list" aria-label={t("questions.listLabel")}>
          {workshop.questions.map((question, index) => (
            <li key={question.id}>
              <p className="org-question-list__label">
                <strong>{question.labelDe}</strong> <span lang="en">({question.labelEn})</span>
              </p>
              <p className="meta">
                {t(`questions.types.${question.type}`)} · {question.required ? t("questions.required") : t("questions.optional")}
                {question.options.length > 0 ? ` · ${t("questions.options", { options: question.options.map((option) => option.labelDe).join(", ") })}` : null}
              </p>
              <div className="org-actions">
                {index > 0 ? (
                  <form action={submitQuestionMove}>
                    <input type="hidden" name="workshopId" value={workshop.id} />
                    <input type="hidden" name="questionId" value={question.id} />
                    <input type="hidden" name="direction" value="up" />
                    <button type="submit" className="button button--quiet button--small">
                      {t("questions.moveUp")}
                      <span className="visually-hidden"> ({question.labelDe})</span>
                    </button>
                  </form>
                ) : null}
                {index < last ? (
                  <form action={submitQuestionMove}>
                    <input type="hidden" name="workshopId" value={workshop.id} />
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
                <details className="org-confirm">
                  <summary>
                    {t("questions.remove")}
                    <span className="visually-hidden"> ({question.labelDe})</span>
                  </summary>
                  <form action={submitQuestionRemoval}>
                    <input type="hidden" name="workshopId" value={workshop.id} />
                    <input type="hidden" name="questionId" value={question.id} />
                    <button type="submit" className="button button--danger button--small">
                      {t("questions.removeConfirm", { label: question.labelDe })}
                    </button>
                  </form>
                </details>
              </div>
            </li>
          ))}
        </ol>
      )}

      <section aria-labelledby="question-form-heading">
        <h2 id="question-form-heading">{editing ? t("questions.editHeading") : t("questions.addHeading")}</h2>
        {editing ? (
          <>
            <QuestionForm
              key={editing.id}
              action={submitQuestion}
              target={{ workshopId: workshop.id, questionId: editing.id }}
              initialValues={{
                type: editing.type,
                labelDe: editing.labelDe,
                labelEn: editing.labelEn,
                required: editing.required ? "on" : "",
                options: optionsText(editing.options),
              }}
            />
            <p>
              <Link href={`/organisation/workshops/${workshop.id}/fragen`}>{t("questions.form.cancel")}</Link>
            </p>
          </>
        ) : (
          <QuestionForm action={submitQuestion} target={{ workshopId: workshop.id }} />
        )}
      </section>
    </>
  );
}
