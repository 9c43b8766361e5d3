"use client";
// Write to a session's attendees: the first submission shows a preview and
// the number of recipients; "send" submits the same form with step=send.
import { messageGroups } from "@/lib/attendees/schema";
import { ChoiceGroup } from "./form-fields";
import { FormFeedback, useOrganiserForm, type OrganiserFormAction } from "./organiser-form";
import { InputField, TextAreaField } from "./organiser-fields";

export function MessageForm({ action, sessionId, groups = [...messageGroups] }: { action: OrganiserFormAction; sessionId: string; groups?: string[] }) {
  const form = useOrganiserForm(action, { group: groups[0] ?? "CONFIRMED" });
  const { state, formAction, pending, field, choice, focusRef, t } = form;
  const preview = state.preview;
  return (
    <form action={formAction} key={state.submission} noValidate className="org-form">
      {preview ? (
        <section className="org-preview" aria-labelledby="preview-heading" tabIndex={-1} ref={focusRef} autoFocus>
          <h2 id="preview-heading">{t("message.previewHeading")}</h2>
          <p role="status">
            <strong>{t("message.previewRecipients", { count: preview.recipients })}</strong>
          </p>
          <p>{t("message.previewSubject", { subject: preview.subject })}</p>
          {preview.ownCourtesies.length > 0 ? (
            <div className="notice notice--warning">
              <p>
                {t(
                  preview.ownCourtesies.length === 2
                    ? "message.ownBoth"
                    : preview.ownCourtesies[0] === "greeting"
                      ? "message.ownGreeting"
                      : "message.ownClosing",
                )}
              </p>
            </div>
          ) : null}
          <h3>{t("message.previewText")}</h3>
          <p className="field__hint">{t("message.previewTextHint")}</p>
          <pre className="org-preview__text">{preview.text}</pre>
          {preview.recipients > 0 ? (
            <button type="submit" name="step" value="send" className="button" disabled={pending}>
              {t("message.send")}
            </button>
          ) : null}
        </section>
      ) : (
        <FormFeedback form={form} />
      )}
      <p className="meta">{t("requiredHint")}</p>
      <input type="hidden" name="sessionId" value={sessionId} />
      <ChoiceGroup
        {...choice("group", t("message.group"))}
        required
        options={groups.map((group) => ({ value: group, label: t(`message.groups.${group as "CONFIRMED"}`) }))}
      />
      <InputField {...field("subject", t("message.subject"))} required maxLength={200} />
      <TextAreaField {...field("body", t("message.body"))} hint={t("message.bodyHint")} required rows={10} maxLength={10000} />
      <button type="submit" name="step" value="preview" className={preview ? "button button--quiet" : "button"} disabled={pending}>
        {t("message.preview")}
      </button>
    </form>
  );
}
