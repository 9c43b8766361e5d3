"use client";
// Find, hand out and erase a person's data. Each step is a form post to the
// server (the confirmation too), so it works without JavaScript; with it, the
// answer arrives without a page load and its first notice takes focus.
import { useLocale, useTranslations } from "next-intl";
import { useActionState, useEffect, useRef } from "react";
import { AuditActionLabel } from "@/components/audit-details";
import { InputField } from "@/components/organiser-fields";
import { initialDataSubjectState, type DataSubjectState } from "@/lib/admin/data-subject-state";
import { isLocale } from "@/lib/i18n/catalogue";
import type { SubjectData } from "@/lib/privacy/data-subject";
import { formatInstant } from "@/lib/time/format";

type Props = {
  action: (state: DataSubjectState, form: FormData) => Promise<DataSubjectState>;
  downloadPath: string;
};

export function DataSubjectForm({ action, downloadPath }: Props) {
  const t = useTranslations("privacy");
  const admin = useTranslations("admin");
  const [state, formAction, pending] = useActionState(action, initialDataSubjectState);
  const focusRef = useRef<HTMLDivElement>(null);
  const resultRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (state.submission > 0) (focusRef.current ?? resultRef.current)?.focus();
  }, [state]);

  const error = state.error === "invalid-email" ? t("errors.invalid-email") : state.error ? admin(`outcome.${state.error}`) : undefined;
  const data = state.data;
  // Anonymised registrations no longer carry the address, so whatever is found here can be erased.
  const somethingToErase = data ? data.registrations.length > 0 || data.outboxMessages.length > 0 : false;

  return (
    <div key={state.submission}>
      {state.step === "erased" && state.counts ? (
        <div className="notice notice--success" role="status" tabIndex={-1} ref={focusRef}>
          <p>
            {t("subject.erased", {
              registrations: state.counts.registrations,
              cancelled: state.counts.cancelled,
              promoted: state.counts.promoted,
              messages: state.counts.messagesDeleted,
            })}
          </p>
        </div>
      ) : null}

      {state.step === "confirm" && data ? (
        <form action={formAction} className="org-form org-confirm-step">
          <div className="notice notice--warning" role="alert" tabIndex={-1} ref={focusRef}>
            <h2>{admin("privacy.confirmHeading")}</h2>
            <p>{t("subject.eraseWarning")}</p>
            {data.account ? <p>{admin("privacy.accountNote")}</p> : null}
            <p>{found(t, data)}</p>
          </div>
          <input type="hidden" name="email" value={data.email} />
          <div className="org-actions">
            <button type="submit" name="intent" value="confirm-erase" className="button button--danger" disabled={pending}>
              {t("subject.eraseConfirm", { email: data.email })}
            </button>
            <button type="submit" name="intent" value="find" className="button button--quiet" disabled={pending}>
              {admin("privacy.cancel")}
            </button>
          </div>
        </form>
      ) : (
        <form action={formAction} noValidate className="org-form">
          {error ? (
            <div className="notice notice--error" role="alert" tabIndex={-1} ref={focusRef}>
              <p>{error}</p>
            </div>
          ) : null}
          <InputField
            name="email"
            type="email"
            label={t("subject.emailLabel")}
            required
            maxLength={254}
            autoComplete="off"
            defaultValue={state.email}
            error={state.error === "invalid-email" ? error : undefined}
          />
          <button type="submit" name="intent" value="find" className="button" disabled={pending}>
            {t("subject.find")}
          </button>
        </form>
      )}

      {state.step === "found" && data ? (
        <section aria-labelledby="subject-result">
          <h2 id="subject-result" tabIndex={-1} ref={resultRef}>
            <span className="org-break">{data.email}</span>
          </h2>
          <p role="status">{hasData(data) ? found(t, data) : t("subject.nothingFound")}</p>
          {hasData(data) ? (
            <>
              <div className="org-actions">
                <form method="post" action={downloadPath}>
                  <input type="hidden" name="email" value={data.email} />
                  <button type="submit" className="button">
                    {t("subject.export")}
                  </button>
                </form>
                {somethingToErase ? (
                  <form action={formAction}>
                    <input type="hidden" name="email" value={data.email} />
                    <button type="submit" name="intent" value="erase" className="button button--danger" disabled={pending}>
                      {t("subject.erase")} …
                    </button>
                  </form>
                ) : (
                  <p className="meta">{admin("privacy.nothingToErase")}</p>
                )}
              </div>
              <SubjectDetails data={data} />
            </>
          ) : null}
        </section>
      ) : null}
    </div>
  );
}

function hasData(data: SubjectData): boolean {
  return data.account !== null || data.registrations.length > 0 || data.outboxMessages.length > 0 || data.auditEvents.length > 0;
}

function found(t: ReturnType<typeof useTranslations<"privacy">>, data: SubjectData): string {
  return t("subject.found", { registrations: data.registrations.length, messages: data.outboxMessages.length, auditEvents: data.auditEvents.length });
}

function SubjectDetails({ data }: { data: SubjectData }) {
  const t = useTranslations("privacy.subject.sections");
  const admin = useTranslations("admin");
  const statuses = useTranslations("export.status");
  const words = useTranslations("export");
  const roles = useTranslations("registration.roles");
  const mailbox = useTranslations("mailbox.status");
  const outboxStatus = (status: string) => (mailbox.has(status as "SENT") ? mailbox(status as "SENT") : status);
  const requested = useLocale();
  const locale = isLocale(requested) ? requested : "de";
  const when = (iso: string, timeZone = "Europe/Berlin") => {
    const instant = new Date(iso);
    return formatInstant(instant, timeZone, locale);
  };
  const answer = (value: unknown) =>
    Array.isArray(value)
      ? value.map(String).join(", ")
      : typeof value === "boolean"
        ? value
          ? words("yes")
          : words("no")
        : typeof value === "string"
          ? value
          : JSON.stringify(value);

  return (
    <>
      <h3>{t("account")}</h3>
      <p>
        {data.account
          ? admin("privacy.account", {
              role: admin(`users.roles.${data.account.role === "ADMIN" ? "ADMIN" : "ORGANISER"}`),
              state: data.account.active ? admin("users.active") : admin("users.inactive"),
              at: when(data.account.createdAt),
            })
          : admin("privacy.noAccount")}
      </p>

      <h3>{t("registrations")}</h3>
      {data.registrations.length === 0 ? <p>{admin("privacy.none")}</p> : null}
      {data.registrations.map((registration) => (
        <article key={registration.id} aria-labelledby={`registration-${registration.id}`}>
          <h4 id={`registration-${registration.id}`}>
            {admin("privacy.registrationHeading", {
              workshop: registration.session.workshopTitle,
              when: when(registration.session.startsAt, registration.session.timeZone),
            })}
          </h4>
          <dl className="facts">
            <dt>{admin("privacy.facts.status")}</dt>
            <dd>{statuses.has(registration.status as "CONFIRMED") ? statuses(registration.status as "CONFIRMED") : registration.status}</dd>
            <dt>{admin("privacy.facts.name")}</dt>
            <dd>
              {registration.firstName} {registration.lastName}
            </dd>
            <dt>{admin("privacy.facts.organisation")}</dt>
            <dd>{registration.organisation}</dd>
            <dt>{admin("privacy.facts.role")}</dt>
            <dd>{roles.has(registration.role as "OTHER") ? roles(registration.role as "OTHER") : registration.role}</dd>
            {registration.accessibilityNeeds ? (
              <>
                <dt>{admin("privacy.facts.accessibilityNeeds")}</dt>
                <dd>{registration.accessibilityNeeds}</dd>
              </>
            ) : null}
            <dt>{admin("privacy.facts.registeredAt")}</dt>
            <dd>{when(registration.createdAt)}</dd>
            <dt>{t("consent")}</dt>
            <dd>{admin("privacy.facts.consent", { version: registration.consent.privacyNoticeVersion, at: when(registration.consent.consentedAt) })}</dd>
            <dt>{admin("privacy.facts.manageLinks")}</dt>
            <dd>{registration.manageLinks}</dd>
            <dt>{admin("privacy.facts.attended")}</dt>
            <dd>{admin(`privacy.facts.attendance.${registration.attended === null ? "unknown" : registration.attended ? "yes" : "no"}`)}</dd>
            {registration.certificateCode ? (
              <>
                <dt>{admin("privacy.facts.certificateCode")}</dt>
                <dd>
                  <code>{registration.certificateCode}</code>
                </dd>
              </>
            ) : null}
            {registration.evaluation ? (
              <>
                <dt>{admin("privacy.facts.evaluation")}</dt>
                <dd>
                  {admin("privacy.facts.evaluationLine", {
                    at: when(registration.evaluation.invitedAt),
                    answered: String(registration.evaluation.answered),
                    reminder: registration.evaluation.reminderSentAt ? when(registration.evaluation.reminderSentAt) : "none",
                  })}
                </dd>
              </>
            ) : null}
          </dl>
          {registration.answers.length > 0 ? (
            <>
              <h5 className="eyebrow">{t("answers")}</h5>
              <dl className="org-answers">
                {registration.answers.map((entry) => (
                  <div key={entry.questionId}>
                    <dt>{entry.question ?? entry.questionId}</dt>
                    <dd>{entry.answerLabels ? entry.answerLabels.join(", ") : answer(entry.answer)}</dd>
                  </div>
                ))}
              </dl>
            </>
          ) : null}
        </article>
      ))}

      <h3>{t("outboxMessages")}</h3>
      {data.outboxMessages.length === 0 ? (
        <p>{admin("privacy.none")}</p>
      ) : (
        <ul>
          {data.outboxMessages.map((message) => (
            <li key={message.id}>
              {admin("privacy.messageLine", { at: when(message.createdAt), subject: message.subject, status: outboxStatus(message.status) })}
            </li>
          ))}
        </ul>
      )}

      <h3>{t("auditEvents")}</h3>
      {data.auditEvents.length === 0 ? (
        <p>{admin("privacy.none")}</p>
      ) : (
        <ul>
          {data.auditEvents.map((event) => (
            <li key={event.id}>
              {admin("privacy.auditLine", { at: when(event.createdAt) })} <AuditActionLabel action={event.action} />
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
