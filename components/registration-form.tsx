"use client";
// The registration form. Without JavaScript it posts to the server action and
// comes back with errors and the entered values. The page goes out without
// Next.js's client runtime (docs/decisions/0039): its inline checks are the
// small script public/form-checks.js, which reads the rules this form carries
// in `data-checks` (lib/registrations/form-checks.ts). useActionState renders
// the server's answer to a post.
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { formChecks, personalFieldChecks } from "@/lib/registrations/form-checks";
import { LIMITS } from "@/lib/registrations/schema";
import type { RegistrationFormState } from "@/lib/registrations/form-state";
import { CheckboxField, ErrorSummary, TextField } from "./form-fields";
import { errorSummaryEntries, PersonalFields, usePersonalFieldWords } from "./personal-fields";
import type { FormQuestionView } from "./question-fields";

export type { FormQuestionView };

type Props = {
  action: (state: RegistrationFormState, form: FormData) => Promise<RegistrationFormState>;
  sessionId: string;
  locale: "de" | "en";
  /** `lang` is set when the text is German on an English page (lib/i18n/localized-text.ts). */
  privacyNotice: { version: number; text: string; lang?: "de" };
  questions: FormQuestionView[];
  waitlist: boolean;
};

const initialState: RegistrationFormState = { submission: 0, values: {}, fieldErrors: {} };

export function RegistrationForm({ action, sessionId, locale, privacyNotice, questions, waitlist }: Props) {
  const t = useTranslations("registration");
  const [state, formAction, pending] = useActionState(action, initialState);
  const { message, labels: personalLabels } = usePersonalFieldWords(questions);
  const errors = state.fieldErrors;
  const values = state.values as Record<string, string | undefined> & { answers?: Record<string, string | string[] | boolean>; consent?: boolean };
  const fieldLabels = { ...personalLabels, email: t("fields.email"), consent: t("fields.consentShort"), website: t("fields.website") };
  const summary = errorSummaryEntries(state.submission > 0 ? errors : {}, fieldLabels, message);
  const checks = formChecks({
    title: t("errorSummary"),
    message: (key) => message(key) ?? key,
    fields: personalFieldChecks({ questions, labels: fieldLabels, address: true }),
  });

  return (
    <form action={formAction} key={state.submission} noValidate className="registration-form" data-checks={JSON.stringify(checks)}>
      {state.outcome ? (
        <div className="notice notice--error" role="alert" tabIndex={-1} autoFocus={summary.length === 0}>
          <p>{t(`outcome.${state.outcome}` as "outcome.session-full")}</p>
        </div>
      ) : null}
      <ErrorSummary title={t("errorSummary")} errors={summary} />

      <p className="meta">{t("requiredHint")}</p>
      <input type="hidden" name="sessionId" value={sessionId} />
      <input type="hidden" name="locale" value={locale} />
      <input type="hidden" name="privacyNoticeVersion" value={privacyNotice.version} />

      <PersonalFields
        values={values}
        errors={errors}
        message={message}
        questions={questions}
        addressField={
          <TextField
            name="email"
            type="email"
            label={t("fields.email")}
            hint={t("fields.emailHint")}
            required
            autoComplete="email"
            maxLength={LIMITS.email}
            defaultValue={values.email}
            error={message(errors.email)}
          />
        }
      />

      <CheckboxField name="consent" label={t("fields.consent")} required error={message(errors.consent)} defaultChecked={values.consent === true}>
        <details className="privacy-notice">
          <summary>{t("fields.privacySummary")}</summary>
          <div lang={privacyNotice.lang}>
            {privacyNotice.text
              .split("\n")
              .filter(Boolean)
              .map((paragraph) => (
                <p key={paragraph}>{paragraph}</p>
              ))}
          </div>
        </details>
      </CheckboxField>

      <div className="honeypot" aria-hidden="true">
        <label htmlFor="field-website">{t("fields.website")}</label>
        <input id="field-website" name="website" type="text" tabIndex={-1} autoComplete="off" defaultValue="" />
      </div>

      <button type="submit" className="button button--large" disabled={pending} aria-disabled={pending}>
        {waitlist ? t("submitWaitlist") : t("submit")}
      </button>
    </form>
  );
}
