"use client";
import type { Route } from "next";
import Link from "next/link";
import { evaluationQuestionTypes } from "@/lib/evaluation/schema";
import { questionTypes } from "@/lib/workshops/schema";
import { CheckboxField, ChoiceGroup } from "./form-fields";
import { FormFeedback, useOrganiserForm, type OrganiserFormAction } from "./organiser-form";
import { InputField, TextAreaField } from "./organiser-fields";

/**
 * The one form for a question, of the registration form ("registration") or
 * of an evaluation questionnaire ("evaluation", with the rating scale's
 * words). `hidden` names what the question belongs to (workshopId or
 * programmeId) and, when editing, its questionId. A question whose options
 * are what a report counts (`fixedOptions`) keeps its type and options: they
 * are shown, not offered for editing.
 */
export function QuestionForm({
  action,
  kind,
  hidden,
  initialValues,
  fixedOptions,
}: {
  action: OrganiserFormAction;
  kind: "registration" | "evaluation";
  hidden: { questionId?: string } & Record<string, string>;
  initialValues?: Record<string, string>;
  fixedOptions?: string[];
}) {
  const evaluation = kind === "evaluation";
  const form = useOrganiserForm(action, { type: evaluation ? "RATING" : "TEXT", ...initialValues });
  const { state, formAction, pending, field, choice, checkbox, value, t } = form;
  const words = evaluation ? "evaluation" : "questions";
  const types = evaluation ? evaluationQuestionTypes : questionTypes;
  const editing = Boolean(hidden.questionId);
  return (
    <form action={formAction} key={state.submission} noValidate className="org-form" id="frage-form">
      <FormFeedback form={form} />
      {Object.entries(hidden).map(([name, hiddenValue]) => (
        <input key={name} type="hidden" name={name} value={hiddenValue} />
      ))}
      {fixedOptions ? (
        <input type="hidden" name="type" value={value("type")} />
      ) : (
        <ChoiceGroup
          {...choice("type", t(`${words}.form.type`))}
          required
          options={types.map((type) => ({
            value: type,
            label: evaluation ? t(`evaluation.types.${type as "RATING"}`) : t(`questions.types.${type as "TEXT"}`),
          }))}
        />
      )}
      <InputField {...field("labelDe", t(`${words}.form.labelDe`))} required maxLength={300} />
      <InputField {...field("labelEn", t(`${words}.form.labelEn`))} required maxLength={300} />
      <CheckboxField {...checkbox("required", t(`${words}.form.required`))} />
      {evaluation ? (
        <>
          <p className="field__hint">{t("evaluation.form.scaleHint")}</p>
          <div className="field-row">
            <InputField {...field("scaleLowDe", t("evaluation.form.scaleLowDe"))} maxLength={60} />
            <InputField {...field("scaleLowEn", t("evaluation.form.scaleLowEn"))} maxLength={60} />
          </div>
          <div className="field-row">
            <InputField {...field("scaleHighDe", t("evaluation.form.scaleHighDe"))} maxLength={60} />
            <InputField {...field("scaleHighEn", t("evaluation.form.scaleHighEn"))} maxLength={60} />
          </div>
        </>
      ) : null}
      {fixedOptions ? (
        <div className="field">
          <p>
            <strong>{t(`${words}.form.options`)}</strong>
          </p>
          <p className="field__hint">{t("questions.fixedOptions")}</p>
          <ul>
            {fixedOptions.map((option) => (
              <li key={option}>{option}</li>
            ))}
          </ul>
          <input type="hidden" name="options" value={value("options")} />
        </div>
      ) : (
        <TextAreaField {...field("options", t(`${words}.form.options`))} hint={t(`${words}.form.optionsHint`)} rows={5} />
      )}
      <button type="submit" className="button" disabled={pending}>
        {editing ? t(`${words}.form.save`) : t(`${words}.form.add`)}
      </button>
    </form>
  );
}

/**
 * The form under a list of questions: for the question being edited (with
 * the way back to adding) or for a new one. `hidden` names what the questions
 * belong to; the edited question's id is added to it.
 */
export function QuestionFormSection<P extends string>({
  heading,
  cancelLabel,
  cancelPath,
  kind,
  action,
  hidden,
  editing,
}: {
  heading: string;
  cancelLabel: string;
  cancelPath: Route<P>;
  kind: "registration" | "evaluation";
  action: OrganiserFormAction;
  hidden: Record<string, string>;
  editing: { id: string; initialValues: Record<string, string>; fixedOptions?: string[] } | null;
}) {
  return (
    <section aria-labelledby="question-form-heading">
      <h2 id="question-form-heading">{heading}</h2>
      {editing ? (
        <>
          <QuestionForm
            key={editing.id}
            kind={kind}
            action={action}
            hidden={{ ...hidden, questionId: editing.id }}
            initialValues={editing.initialValues}
            fixedOptions={editing.fixedOptions}
          />
          <p>
            <Link href={cancelPath}>{cancelLabel}</Link>
          </p>
        </>
      ) : (
        <QuestionForm kind={kind} action={action} hidden={hidden} />
      )}
    </section>
  );
}
