"use client";
// Create or edit a session. A change that informs people (time, place, join
// link) comes back with a confirmation step: the same form, filled in, with a
// button that submits it again with confirmed=1. Works without JavaScript.
import type { Route } from "next";
import Link from "next/link";
import { CheckboxField, ChoiceGroup } from "./form-fields";
import { FormFeedback, useOrganiserForm, type OrganiserFormAction } from "./organiser-form";
import { InputField } from "./organiser-fields";

const fields = [
  "date",
  "startTime",
  "endTime",
  "capacity",
  "waitlistEnabled",
  "registrationOpens",
  "registrationCloses",
  "format",
  "joinUrl",
  "location",
  "reminderHours",
];

type Props = {
  action: OrganiserFormAction;
  target: { workshopId: string } | { sessionId: string };
  initialValues: Record<string, string>;
  seatsTaken?: number;
  cancelHref: Route<`/organisation/termine/${string}` | `/organisation/workshops/${string}`>;
};

export function SessionForm({ action, target, initialValues, seatsTaken, cancelHref }: Props) {
  const { state, formAction, pending, error, value, focusRef, t } = useOrganiserForm(action, initialValues);
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
        <FormFeedback state={state} fieldOrder={fields} focusRef={focusRef} />
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
        <InputField
          name="date"
          type="date"
          label={t("sessionForm.date")}
          hint={t("sessionForm.dateHint")}
          required
          defaultValue={value("date")}
          error={error("date")}
          size="medium"
        />
        <div className="field-row">
          <InputField
            name="startTime"
            type="time"
            label={t("sessionForm.startTime")}
            hint={t("sessionForm.timeHint")}
            required
            defaultValue={value("startTime")}
            error={error("startTime")}
          />
          <InputField
            name="endTime"
            type="time"
            label={t("sessionForm.endTime")}
            hint={t("sessionForm.timeHint")}
            required
            defaultValue={value("endTime")}
            error={error("endTime")}
          />
        </div>
      </fieldset>

      <fieldset>
        <legend>{t("sessionForm.seatsLegend")}</legend>
        <InputField
          name="capacity"
          type="number"
          inputMode="numeric"
          min={seatsTaken ?? 0}
          label={t("sessionForm.capacity")}
          hint={seatsTaken !== undefined ? t("sessionForm.capacityHint", { taken: seatsTaken }) : undefined}
          required
          defaultValue={value("capacity")}
          error={error("capacity")}
          size="short"
        />
        <CheckboxField
          name="waitlistEnabled"
          label={t("sessionForm.waitlistEnabled")}
          defaultChecked={value("waitlistEnabled") === "on"}
          error={error("waitlistEnabled")}
        />
      </fieldset>

      <fieldset>
        <legend>{t("sessionForm.windowLegend")}</legend>
        <p className="field__hint">{t("sessionForm.windowHint")}</p>
        <div className="field-row">
          <InputField
            name="registrationOpens"
            type="datetime-local"
            label={t("sessionForm.registrationOpens")}
            defaultValue={value("registrationOpens")}
            error={error("registrationOpens")}
          />
          <InputField
            name="registrationCloses"
            type="datetime-local"
            label={t("sessionForm.registrationCloses")}
            defaultValue={value("registrationCloses")}
            error={error("registrationCloses")}
          />
        </div>
      </fieldset>

      <fieldset>
        <legend>{t("sessionForm.placeLegend")}</legend>
        <ChoiceGroup
          name="format"
          legend={t("sessionForm.format")}
          required
          options={[
            { value: "ONLINE", label: t("format.ONLINE") },
            { value: "ON_SITE", label: t("format.ON_SITE") },
          ]}
          defaultValue={value("format") || "ONLINE"}
          error={error("format")}
        />
        <InputField
          name="joinUrl"
          type="url"
          label={t("sessionForm.joinUrl")}
          hint={t("sessionForm.joinUrlHint")}
          maxLength={2000}
          defaultValue={value("joinUrl")}
          error={error("joinUrl")}
        />
        <InputField
          name="location"
          label={t("sessionForm.location")}
          hint={t("sessionForm.locationHint")}
          maxLength={300}
          defaultValue={value("location")}
          error={error("location")}
        />
      </fieldset>

      <InputField
        name="reminderHours"
        type="number"
        inputMode="numeric"
        min={0}
        max={336}
        label={t("sessionForm.reminderHours")}
        hint={t("sessionForm.reminderHint")}
        required
        defaultValue={value("reminderHours")}
        error={error("reminderHours")}
        size="short"
      />

      <button type="submit" className={state.confirm ? "button button--quiet" : "button"} disabled={pending}>
        {editing ? t("sessionForm.save") : t("sessionForm.create")}
      </button>
    </form>
  );
}
