"use client";
// The evaluation form behind a personal link. Without JavaScript it posts to
// the server action and comes back with errors and the given answers; the
// error summary takes focus either way.
import { useActionState, useEffect, useRef } from "react";
import { useTranslations } from "next-intl";
import type { EvaluationFormState } from "@/lib/evaluation/form-state";
import { initialEvaluationFormState } from "@/lib/evaluation/form-state";
import { answerFieldName, RATING_POINTS } from "@/lib/evaluation/schema";
import { ChoiceGroup, ErrorSummary, FieldError, fieldId, TextField } from "./form-fields";

export type EvaluationQuestionForForm = {
  id: string;
  type: "RATING" | "SINGLE_CHOICE" | "MULTIPLE_CHOICE" | "TEXT";
  label: string;
  required: boolean;
  options: { value: string; label: string }[];
  scaleLow: string;
  scaleHigh: string;
};

type Props = {
  action: (state: EvaluationFormState, form: FormData) => Promise<EvaluationFormState>;
  token: string;
  questions: EvaluationQuestionForForm[];
};

export function EvaluationForm({ action, token, questions }: Props) {
  const t = useTranslations("evaluation");
  const [state, formAction, pending] = useActionState(action, initialEvaluationFormState);
  const summaryRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (state.submission > 0) summaryRef.current?.focus();
  }, [state]);

  const message = (name: string) => {
    const key = state.fieldErrors[name];
    return key ? t(`errors.${key}` as "errors.required") : undefined;
  };
  const summary = questions
    .map((question) => answerFieldName(question.id))
    .filter((name) => state.fieldErrors[name])
    .map((name) => ({ name, message: `${questions.find((question) => answerFieldName(question.id) === name)!.label}: ${message(name)}` }));

  return (
    <form action={formAction} key={state.submission} noValidate className="registration-form evaluation-form">
      {state.outcome ? (
        <div className="notice notice--error" role="alert" tabIndex={-1} ref={summaryRef} autoFocus>
          <p>{t(`outcome.${state.outcome}`)}</p>
        </div>
      ) : null}
      <ErrorSummary title={t("form.errorSummary")} errors={summary} summaryRef={state.outcome ? undefined : summaryRef} />
      <p className="meta">{t("form.requiredHint")}</p>
      <input type="hidden" name="token" value={token} />
      {questions.map((question) => {
        const name = answerFieldName(question.id);
        const given = state.values[name] ?? [];
        if (question.type === "RATING") {
          return (
            <RatingScale
              key={question.id}
              name={name}
              question={question}
              hint={t("form.scaleHint", { low: question.scaleLow, high: question.scaleHigh })}
              chosen={given[0]}
              error={message(name)}
            />
          );
        }
        if (question.type === "TEXT") {
          return (
            <TextField
              key={question.id}
              name={name}
              label={question.label}
              required={question.required}
              multiline
              maxLength={4000}
              defaultValue={given[0]}
              error={message(name)}
            />
          );
        }
        return (
          <ChoiceGroup
            key={question.id}
            name={name}
            legend={question.type === "MULTIPLE_CHOICE" ? `${question.label} (${t("form.multipleHint")})` : question.label}
            options={question.options}
            multiple={question.type === "MULTIPLE_CHOICE"}
            required={question.required}
            defaultValue={given}
            error={message(name)}
          />
        );
      })}
      <button type="submit" className="button button--large" disabled={pending}>
        {t("form.submit")}
      </button>
    </form>
  );
}

/** Five radio buttons in a row; the words of both ends are in the hint and next to 1 and 5. */
function RatingScale({
  name,
  question,
  hint,
  chosen,
  error,
}: {
  name: string;
  question: EvaluationQuestionForForm;
  hint: string;
  chosen?: string;
  error?: string;
}) {
  const id = fieldId(name);
  const describedBy = [`${id}-hint`, error ? `${id}-error` : null].filter(Boolean).join(" ");
  return (
    <fieldset id={id} className={`field choice-group rating-scale${error ? " field--error" : ""}`} aria-describedby={describedBy} tabIndex={-1}>
      <legend>
        {question.label}
        {question.required ? <span aria-hidden="true"> *</span> : null}
      </legend>
      <p id={`${id}-hint`} className="field__hint">
        {hint}
      </p>
      <FieldError name={name} error={error} />
      <div className="rating-scale__points">
        {RATING_POINTS.map((point) => (
          <div key={point} className="rating-scale__point">
            <input type="radio" id={`${id}-${point}`} name={name} value={String(point)} defaultChecked={chosen === String(point)} />
            <label htmlFor={`${id}-${point}`}>
              <span className="rating-scale__number">{point}</span>
              {point === 1 ? <span className="rating-scale__word">{question.scaleLow}</span> : null}
              {point === 5 ? <span className="rating-scale__word">{question.scaleHigh}</span> : null}
            </label>
          </div>
        ))}
      </div>
    </fieldset>
  );
}
