"use client";
// Create or edit a session. A change that informs people (time, place, join
// link) comes back with a confirmation step: the same form, filled in, with a
// button that submits it again with confirmed=1. Works without JavaScript.
import type { Route } from "next";
import Link from "next/link";
import { CheckboxField, ChoiceGroup } from "./form-fields";
import { FormFeedback, useOrganiserForm, type OrganiserFormAction } from "./organiser-form";
import { InputField } from "./organiser-fields";

type Props = {
  action: OrganiserFormAction;
  target: { workshopId: string } | { sessionId: string };
  initialValues: Record<string, string>;
  seatsTaken?: number;
  cancelHref: Route<`/organisation/termine/${string}` | `/organisation/workshops/${string}`>;
};

export function SessionForm({ action, target, initialValues, seatsTaken, cancelHref }: Props) {
  const form = useOrganiserForm(action, { format: "ONLINE", ...initialValues });
  const { state, formAction, pending, field, choice, checkbox, focusRef, t } = form;
  const editing = "sessionId" in target;
  return (
    <form action={formAction} key={state.submission} noValidate className="org-form">
      {state.confirm ? (
        <div className="notice notice--warning org-confirm-step" role="alert" tabIndex={-1} ref={focusRef} autoFocus>
          <h2>{t("sessionForm.confirmTitle")}</h2>
          <p>{t("sessionForm.confirmText", { count: state.confirm.recipients })}</p>
          <div className="org-actions">
            <button type="submit" name="confirmed" value="1" className="button" disabled={pending}>
              {t("sessionForm.confirmButton")}
            </button>
            <Link href={cancelHref} className="button button--quiet">
              {t("sessionForm.confirmCancel")}
            </Link>
          </div>
        </div>
      ) : (
        <FormFeedback form={form} />
      )}
      <p className="meta">{t("requiredHint")}</p>
      {"workshopId" in target ? (
        <input type="hidden" name="workshopId" value={target.workshopId} />
      ) : (
        <input type="hidden" name="sessionId" value={target.sessionId} />
      )}

      <fieldset>
        <legend>{t("sessionForm.whenLegend")}</legend>
        <p className="field__hint">{t("sessionForm.timeZoneHint")}</p>
        <InputField {...field("date", t("sessionForm.date"))} type="date" hint={t("sessionForm.dateHint")} required size="medium" />
        <div className="field-row">
          <InputField {...field("startTime", t("sessionForm.startTime"))} type="time" hint={t("sessionForm.timeHint")} required />
          <InputField {...field("endTime", t("sessionForm.endTime"))} type="time" hint={t("sessionForm.timeHint")} required />
        </div>
      </fieldset>

      <fieldset>
        <legend>{t("sessionForm.seatsLegend")}</legend>
        <InputField
          {...field("capacity", t("sessionForm.capacity"))}
          type="number"
          inputMode="numeric"
          min={seatsTaken ?? 0}
          hint={seatsTaken !== undefined ? t("sessionForm.capacityHint", { taken: seatsTaken }) : undefined}
          required
          size="short"
        />
        <CheckboxField {...checkbox("waitlistEnabled", t("sessionForm.waitlistEnabled"))} />
      </fieldset>

      <fieldset>
        <legend>{t("sessionForm.windowLegend")}</legend>
        <p className="field__hint">{t("sessionForm.windowHint")}</p>
        <div className="field-row">
          <InputField {...field("registrationOpens", t("sessionForm.registrationOpens"))} type="datetime-local" />
          <InputField {...field("registrationCloses", t("sessionForm.registrationCloses"))} type="datetime-local" />
        </div>
      </fieldset>

      <fieldset>
        <legend>{t("sessionForm.placeLegend")}</legend>
        <ChoiceGroup
          {...choice("format", t("sessionForm.format"))}
          required
          options={[
            { value: "ONLINE", label: t("format.ONLINE") },
            { value: "ON_SITE", label: t("format.ON_SITE") },
          ]}
        />
        <InputField {...field("joinUrl", t("sessionForm.joinUrl"))} type="url" hint={t("sessionForm.joinUrlHint")} maxLength={2000} />
        <InputField {...field("location", t("sessionForm.location"))} hint={t("sessionForm.locationHint")} maxLength={300} />
      </fieldset>

      <InputField
        {...field("reminderHours", t("sessionForm.reminderHours"))}
        type="number"
        inputMode="numeric"
        min={0}
        max={336}
        hint={t("sessionForm.reminderHint")}
        required
        size="short"
      />

      <button type="submit" className={state.confirm ? "button button--quiet" : "button"} disabled={pending}>
        {editing ? t("sessionForm.save") : t("sessionForm.create")}
      </button>
    </form>
  );
}
