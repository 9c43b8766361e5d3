"use client";
import { participantRoles } from "@/lib/registrations/schema";
import { useTranslations } from "next-intl";
import { CheckboxField, SelectField } from "./form-fields";
import { FormFeedback, useOrganiserForm, type OrganiserFormAction } from "./organiser-form";
import { InputField } from "./organiser-fields";

export function AddAttendeeForm({ action, sessionId, full }: { action: OrganiserFormAction; sessionId: string; full: boolean }) {
  const form = useOrganiserForm(action, { notify: "on" });
  const { state, formAction, pending, field, checkbox, t } = form;
  const roles = useTranslations("registration.roles");
  return (
    <form action={formAction} key={state.submission} noValidate className="org-form">
      <FormFeedback form={form} />
      <p className="meta">{t("requiredHint")}</p>
      <input type="hidden" name="sessionId" value={sessionId} />
      <div className="field-row">
        <InputField {...field("firstName", t("addAttendee.firstName"))} required maxLength={100} autoComplete="off" />
        <InputField {...field("lastName", t("addAttendee.lastName"))} required maxLength={100} autoComplete="off" />
      </div>
      <InputField {...field("email", t("addAttendee.email"))} type="email" required maxLength={254} autoComplete="off" />
      <InputField {...field("organisation", t("addAttendee.organisation"))} required maxLength={200} />
      <SelectField
        {...field("role", t("addAttendee.role"))}
        placeholder={t("addAttendee.roleChoose")}
        required
        options={participantRoles.map((role) => ({ value: role, label: roles(role) }))}
      />
      {full || state.outcome === "session-full" ? <CheckboxField {...checkbox("override", t("addAttendee.override"))} /> : null}
      <CheckboxField {...checkbox("notify", t("addAttendee.notify"))} />
      <button type="submit" className="button" disabled={pending}>
        {t("addAttendee.submit")}
      </button>
    </form>
  );
}
