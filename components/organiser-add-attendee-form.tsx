"use client";
import { participantRoles } from "@/lib/registrations/schema";
import { useTranslations } from "next-intl";
import { CheckboxField, SelectField } from "./form-fields";
import { FormFeedback, useOrganiserForm, type OrganiserFormAction } from "./organiser-form";
import { InputField } from "./organiser-fields";

const fields = ["firstName", "lastName", "email", "organisation", "role", "override", "notify"];

export function AddAttendeeForm({ action, sessionId, full }: { action: OrganiserFormAction; sessionId: string; full: boolean }) {
  const { state, formAction, pending, error, value, focusRef, t } = useOrganiserForm(action, { notify: "on" });
  const roles = useTranslations("registration.roles");
  return (
    <form action={formAction} key={state.submission} noValidate className="org-form">
      <FormFeedback state={state} fieldOrder={fields} focusRef={focusRef} />
      <p className="meta">{t("requiredHint")}</p>
      <input type="hidden" name="sessionId" value={sessionId} />
      <div className="field-row">
        <InputField
          name="firstName"
          label={t("addAttendee.firstName")}
          required
          maxLength={100}
          autoComplete="off"
          defaultValue={value("firstName")}
          error={error("firstName")}
        />
        <InputField
          name="lastName"
          label={t("addAttendee.lastName")}
          required
          maxLength={100}
          autoComplete="off"
          defaultValue={value("lastName")}
          error={error("lastName")}
        />
      </div>
      <InputField
        name="email"
        type="email"
        label={t("addAttendee.email")}
        required
        maxLength={254}
        autoComplete="off"
        defaultValue={value("email")}
        error={error("email")}
      />
      <InputField
        name="organisation"
        label={t("addAttendee.organisation")}
        required
        maxLength={200}
        defaultValue={value("organisation")}
        error={error("organisation")}
      />
      <SelectField
        name="role"
        label={t("addAttendee.role")}
        placeholder={t("addAttendee.roleChoose")}
        required
        options={participantRoles.map((role) => ({ value: role, label: roles(role) }))}
        defaultValue={value("role")}
        error={error("role")}
      />
      {full || state.outcome === "session-full" ? (
        <CheckboxField name="override" label={t("addAttendee.override")} defaultChecked={value("override") === "on"} error={error("override")} />
      ) : null}
      <CheckboxField name="notify" label={t("addAttendee.notify")} defaultChecked={value("notify") === "on"} error={error("notify")} />
      <button type="submit" className="button" disabled={pending}>
        {t("addAttendee.submit")}
      </button>
    </form>
  );
}
