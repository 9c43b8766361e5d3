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
  const form = useOrganiserForm(action);
  const { state, formAction, pending, field, t } = form;
  return (
    <form action={formAction} key={state.submission} noValidate className="org-form">
      <FormFeedback form={form} />
      <input type="hidden" name="sessionId" value={sessionId} />
      <TextAreaField {...field("message", t("cancelSession.message"))} hint={t("cancelSession.messageHint")} rows={5} maxLength={5000} />
      <div className="org-actions">
        <button type="submit" className="button button--danger" disabled={pending}>
          {t("cancelSession.submit")}
        </button>
        <Link href={backHref}>{t("cancelSession.back")}</Link>
      </div>
    </form>
  );
}
