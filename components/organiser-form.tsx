"use client";
// What every organiser form shares: the server action's answer (kept without
// JavaScript too, as React renders it on the server), error messages from the
// catalogue, and an error summary or outcome notice that takes focus.
import { useActionState, useEffect, useRef } from "react";
import { useTranslations } from "next-intl";
import { initialFormState, type OrganiserFormState } from "@/lib/organiser/form-state";
import { ErrorSummary } from "./form-fields";

export type OrganiserFormAction = (state: OrganiserFormState, form: FormData) => Promise<OrganiserFormState>;

export function useOrganiserForm(action: OrganiserFormAction, initialValues: Record<string, string> = {}) {
  const t = useTranslations("organiser");
  const [state, formAction, pending] = useActionState(action, initialFormState);
  const focusRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (state.submission > 0) focusRef.current?.focus();
  }, [state]);

  const error = (name: string): string | undefined => {
    const key = state.fieldErrors[name];
    if (!key) return undefined;
    const path = `errors.${key}`;
    return t.has(path as "errors.invalid") ? t(path as "errors.invalid") : t("errors.invalid");
  };
  const value = (name: string): string => (state.submission > 0 ? (state.values[name] ?? "") : (initialValues[name] ?? ""));
  return { state, formAction, pending, error, value, focusRef, t };
}

/** The error summary (fields in form order) or the outcome of the last submission. */
export function FormFeedback({ state, fieldOrder, focusRef }: { state: OrganiserFormState; fieldOrder: string[]; focusRef: React.Ref<HTMLDivElement> }) {
  const t = useTranslations("organiser");
  const names = Object.keys(state.fieldErrors).sort((a, b) => indexOf(fieldOrder, a) - indexOf(fieldOrder, b));
  if (names.length > 0) {
    const errors = names.map((name) => {
      const path = `errors.${state.fieldErrors[name]}`;
      return { name, message: t.has(path as "errors.invalid") ? t(path as "errors.invalid") : t("errors.invalid") };
    });
    return <ErrorSummary title={t("errorSummary")} errors={errors} summaryRef={focusRef} />;
  }
  if (!state.outcome) return null;
  const path = `outcome.${state.outcome}`;
  return (
    <div className="notice notice--error" role="alert" tabIndex={-1} ref={focusRef} autoFocus>
      <p>{t.has(path as "outcome.forbidden") ? t(path as "outcome.forbidden", state.outcomeValues as Record<string, number>) : state.outcome}</p>
    </div>
  );
}

function indexOf(order: string[], name: string): number {
  const index = order.indexOf(name);
  return index < 0 ? order.length : index;
}
