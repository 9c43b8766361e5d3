"use client";
// The invitation form: works as a plain form post; with JavaScript the answer
// arrives without a page load and the error summary or notice takes focus.
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useActionState, useEffect, useRef } from "react";
import { ErrorSummary, FieldError, fieldId } from "@/components/form-fields";
import { InputField } from "@/components/organiser-fields";
import { userRoles } from "@/lib/admin/schema";
import { initialFormState, type OrganiserFormState } from "@/lib/organiser/form-state";

type Props = {
  action: (state: OrganiserFormState, form: FormData) => Promise<OrganiserFormState>;
  workshops: { id: string; title: string }[];
};

const fieldOrder = ["email", "name", "role", "workshopIds"];

export function InviteForm({ action, workshops }: Props) {
  const t = useTranslations("admin");
  const errors = useTranslations("organiser.errors");
  const [state, formAction, pending] = useActionState(action, initialFormState);
  const focusRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (state.submission > 0) focusRef.current?.focus();
  }, [state]);

  const error = (name: string) => {
    const key = state.fieldErrors[name];
    if (!key) return undefined;
    return errors.has(key as "invalid") ? errors(key as "invalid") : errors("invalid");
  };
  const value = (name: string) => state.values[name] ?? "";
  const chosenRole = value("role") || "ORGANISER";
  const chosenWorkshops = new Set(value("workshopIds").split(",").filter(Boolean));
  const labels: Record<string, string> = { email: t("invite.email"), name: t("invite.name"), role: t("invite.role"), workshopIds: t("invite.workshops") };
  const summary = Object.keys(state.fieldErrors)
    .sort((a, b) => fieldOrder.indexOf(a) - fieldOrder.indexOf(b))
    .map((name) => ({ name, message: labels[name] ? `${labels[name]}: ${error(name) ?? ""}` : (error(name) ?? "") }));

  return (
    <form action={formAction} key={state.submission} noValidate className="org-form">
      {summary.length > 0 ? <ErrorSummary title={t("outcome.invalid")} errors={summary} summaryRef={focusRef} /> : null}
      {state.outcome ? (
        <div className="notice notice--error" role="alert" tabIndex={-1} ref={focusRef}>
          <p>
            {t.has(`outcome.${state.outcome}` as "outcome.forbidden") ? t(`outcome.${state.outcome}` as "outcome.forbidden") : t("outcome.forbidden")}{" "}
            {state.outcome === "user-exists" && typeof state.outcomeValues?.userId === "string" ? (
              <Link href={`/organisation/admin/benutzer/${state.outcomeValues.userId}`}>{t("outcome.user-exists-link")}</Link>
            ) : null}
          </p>
        </div>
      ) : null}
      <InputField
        name="email"
        type="email"
        label={t("invite.email")}
        required
        maxLength={254}
        autoComplete="off"
        defaultValue={value("email")}
        error={error("email")}
      />
      <InputField
        name="name"
        label={t("invite.name")}
        hint={t("invite.nameHint")}
        maxLength={200}
        autoComplete="off"
        defaultValue={value("name")}
        error={error("name")}
      />
      <fieldset id={fieldId("role")} className={`field choice-group${error("role") ? " field--error" : ""}`} tabIndex={-1}>
        <legend>
          {t("invite.role")}
          <span aria-hidden="true"> *</span>
        </legend>
        <FieldError name="role" error={error("role")} />
        {userRoles.map((role) => (
          <div key={role} className="choice">
            <input
              type="radio"
              id={`${fieldId("role")}-${role}`}
              name="role"
              value={role}
              defaultChecked={chosenRole === role}
              aria-describedby={`${fieldId("role")}-${role}-hint`}
            />
            <div>
              <label htmlFor={`${fieldId("role")}-${role}`}>{t(`users.roles.${role}`)}</label>
              <p id={`${fieldId("role")}-${role}-hint`} className="field__hint">
                {t(`users.roleHints.${role}`)}
              </p>
            </div>
          </div>
        ))}
      </fieldset>
      {workshops.length > 0 ? (
        <fieldset
          id={fieldId("workshopIds")}
          className={`field choice-group${error("workshopIds") ? " field--error" : ""}`}
          aria-describedby={`${fieldId("workshopIds")}-hint`}
          tabIndex={-1}
        >
          <legend>{t("invite.workshops")}</legend>
          <p id={`${fieldId("workshopIds")}-hint`} className="field__hint">
            {t("invite.workshopsHint")}
          </p>
          <FieldError name="workshopIds" error={error("workshopIds")} />
          {workshops.map((workshop) => (
            <div key={workshop.id} className="choice">
              <input
                type="checkbox"
                id={`${fieldId("workshopIds")}-${workshop.id}`}
                name="workshopIds"
                value={workshop.id}
                defaultChecked={chosenWorkshops.has(workshop.id)}
              />
              <label htmlFor={`${fieldId("workshopIds")}-${workshop.id}`}>{workshop.title}</label>
            </div>
          ))}
        </fieldset>
      ) : null}
      <button type="submit" className="button" disabled={pending}>
        {t("invite.submit")}
      </button>
    </form>
  );
}
