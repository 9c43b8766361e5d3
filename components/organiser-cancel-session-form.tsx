"use client";
import type { Route } from "next";
import Link from "next/link";
import { FormFeedback, useOrganiserForm, type OrganiserFormAction } from "./organiser-form";
import { TextAreaField } from "./organiser-fields";

export function CancelSessionForm({
  action,
  sessionId,
  backHref,
}: {
  action: OrganiserFormAction;
  sessionId: string;
  backHref: Route<`/organisation/termine/${string}`>;
}) {
  const { state, formAction, pending, error, value, focusRef, t } = useOrganiserForm(action);
  return (
    <form action={formAction} key={state.submission} noValidate className="org-form">
      <FormFeedback state={state} fieldOrder={["message"]} focusRef={focusRef} />
      <input type="hidden" name="sessionId" value={sessionId} />
      <TextAreaField
        name="message"
        label={t("cancelSession.message")}
        hint={t("cancelSession.messageHint")}
        rows={5}
        maxLength={5000}
        defaultValue={value("message")}
        error={error("message")}
      />
      <div className="org-actions">
        <button type="submit" className="button button--danger" disabled={pending}>
          {t("cancelSession.submit")}
        </button>
        <Link href={backHref}>{t("cancelSession.back")}</Link>
      </div>
    </form>
  );
}
