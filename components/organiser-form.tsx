"use client";
// What every organiser form shares: the server action's answer (kept without
// JavaScript too, as React renders it on the server), error messages from the
// catalogue, and an error summary or outcome notice that takes focus.
import { useActionState, useEffect, useRef } from "react";
import { useTranslations } from "next-intl";
import { initialFormState, type OrganiserFormState } from "@/lib/organiser/form-state";
import { ErrorSummary } from "./form-fields";

export type OrganiserFormAction = (state: OrganiserFormState, form: FormData) => Promise<OrganiserFormState>;

/** The labels of the fields a form shows, in the order it shows them; the error summary names and orders its entries by them. */
type FieldLabels = Map<string, string>;

export function useOrganiserForm(action: OrganiserFormAction, initialValues: Record<string, string> = {}) {
  const t = useTranslations("organiser");
  const [state, formAction, pending] = useActionState(action, initialFormState);
  const focusRef = useRef<HTMLDivElement>(null);
  // Filled while the form's own render calls field(), choice() and checkbox();
  // FormFeedback, a child, renders after that and reads it.
  const labels: FieldLabels = new Map();

  useEffect(() => {
    if (state.submission > 0) focusRef.current?.focus();
  }, [state]);

  const error = (name: string): string | undefined => {
    const key = state.fieldErrors[name];
    return key ? errorMessage(t, key) : undefined;
  };
  const value = (name: string): string => (state.submission > 0 ? (state.values[name] ?? "") : (initialValues[name] ?? ""));

  /** The props of a text field (InputField, TextAreaField, SelectField): name, label, the value to show and its error. */
  const field = (name: string, label: string) => {
    labels.set(name, label);
    return { name, label, defaultValue: value(name), error: error(name) };
  };
  /** The props of a radio group (ChoiceGroup), whose label is its legend. */
  const choice = (name: string, legend: string) => {
    labels.set(name, legend);
    return { name, legend, defaultValue: value(name), error: error(name) };
  };
  /** The props of a single checkbox (CheckboxField). */
  const checkbox = (name: string, label: string) => {
    labels.set(name, label);
    return { name, label, defaultChecked: value(name) === "on", error: error(name) };
  };

  return { state, formAction, pending, error, value, field, choice, checkbox, labels, focusRef, t };
}

type OrganiserTranslator = ReturnType<typeof useTranslations<"organiser">>;

function errorMessage(t: OrganiserTranslator, key: string): string {
  const path = `errors.${key}`;
  return t.has(path as "errors.invalid") ? t(path as "errors.invalid") : t("errors.invalid");
}

/**
 * The error summary or the outcome of the last submission. Each summary entry
 * names its field ("Titel: Bitte füllen Sie dieses Feld aus.") and links to it,
 * in the order the form shows the fields.
 */
export function FormFeedback({ form }: { form: Pick<ReturnType<typeof useOrganiserForm>, "state" | "labels" | "focusRef"> }) {
  const t = useTranslations("organiser");
  const { state, labels, focusRef } = form;
  const order = [...labels.keys()];
  const names = Object.keys(state.fieldErrors).sort((a, b) => indexOf(order, a) - indexOf(order, b));
  if (names.length > 0) {
    const errors = names.map((name) => {
      const message = errorMessage(t, state.fieldErrors[name]!);
      const label = labels.get(name);
      return { name, message: label ? `${label}: ${message}` : message };
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
