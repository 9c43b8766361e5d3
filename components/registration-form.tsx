"use client";
// The registration form. Without JavaScript it posts to the server action and
// comes back with errors and the entered values; with JavaScript it also
// validates inline with the same zod schema the server uses.
import { useActionState, useEffect, useMemo, useRef, useState } from "react";
import { useTranslations } from "next-intl";
import { LIMITS, registrationFormValues, registrationSchema, fieldErrors } from "@/lib/registrations/schema";
import type { RegistrationFormState } from "@/lib/registrations/form-state";
import { CheckboxField, ErrorSummary, TextField } from "./form-fields";
import { errorSummaryEntries, PersonalFields, usePersonalFieldWords } from "./personal-fields";
import type { FormQuestionView } from "./question-fields";
import { z } from "zod";

// zod probes `new Function("")` before its first object parse to decide on
// compiled parsers; under our CSP the browser reports that probe as a
// violation although zod catches it. In the browser the interpreted parser is
// fast enough for one form.
z.config({ jitless: true });

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
  // Inline results belong to the server answer they were made after; a new
  // answer replaces them. Errors appear at their fields while typing, the
  // summary only after a submit attempt.
  const [client, setClient] = useState<{ submission: number; errors: Record<string, string>; attempted: boolean } | null>(null);
  const current = client?.submission === state.submission ? client : null;
  const touched = useRef(new Set<string>());
  const formRef = useRef<HTMLFormElement>(null);
  const summaryRef = useRef<HTMLDivElement>(null);
  const schema = useMemo(() => registrationSchema(questions), [questions]);
  const { message, labels: personalLabels } = usePersonalFieldWords(questions);

  const errors = current ? current.errors : state.fieldErrors;
  const attempted = current ? current.attempted : state.submission > 0;
  const values = state.values as Record<string, string | undefined> & { answers?: Record<string, string | string[] | boolean>; consent?: boolean };

  useEffect(() => {
    // A server answer's summary takes focus (also done by autoFocus without JavaScript).
    if (state.submission > 0) summaryRef.current?.focus();
  }, [state]);

  function validate(): Record<string, string> {
    if (!formRef.current) return {};
    const result = schema.safeParse(registrationFormValues(new FormData(formRef.current), questions));
    return result.success ? {} : fieldErrors(result.error);
  }

  function validateField(name: string) {
    touched.current.add(name);
    const all = validate();
    setClient({ submission: state.submission, attempted, errors: Object.fromEntries(Object.entries(all).filter(([field]) => touched.current.has(field))) });
  }

  const fieldLabels = { ...personalLabels, email: t("fields.email"), consent: t("fields.consentShort"), website: t("fields.website") };
  const summary = errorSummaryEntries(attempted ? errors : {}, fieldLabels, message);

  return (
    <form
      ref={formRef}
      action={formAction}
      key={state.submission}
      noValidate
      className="registration-form"
      onSubmit={(event) => {
        const all = validate();
        if (Object.keys(all).length > 0) {
          event.preventDefault();
          Object.keys(all).forEach((name) => touched.current.add(name));
          setClient({ submission: state.submission, attempted: true, errors: all });
          requestAnimationFrame(() => summaryRef.current?.focus());
        }
      }}
    >
      {state.outcome ? (
        <div className="notice notice--error" role="alert" tabIndex={-1} ref={summary.length === 0 ? summaryRef : undefined} autoFocus>
          <p>{t(`outcome.${state.outcome}` as "outcome.session-full")}</p>
        </div>
      ) : null}
      <ErrorSummary title={t("errorSummary")} errors={summary} summaryRef={summaryRef} />

      <p className="meta">{t("requiredHint")}</p>
      <input type="hidden" name="sessionId" value={sessionId} />
      <input type="hidden" name="locale" value={locale} />
      <input type="hidden" name="privacyNoticeVersion" value={privacyNotice.version} />

      <PersonalFields
        values={values}
        errors={errors}
        message={message}
        questions={questions}
        onBlur={validateField}
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
            onBlur={() => validateField("email")}
          />
        }
      />

      <CheckboxField
        name="consent"
        label={t("fields.consent")}
        required
        error={message(errors.consent)}
        defaultChecked={values.consent === true}
        onChange={() => validateField("consent")}
      >
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
