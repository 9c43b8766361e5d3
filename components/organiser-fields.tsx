// Form fields the organiser forms need beyond components/form-fields.tsx:
// any input type and textareas with a row count. Label, hint and error are
// tied to the control with aria-describedby. Usable from server and client components.
import type { ReactNode } from "react";
import { FieldError, fieldId } from "./form-fields";

function describedBy(name: string, hint?: ReactNode, error?: string): string | undefined {
  const ids = [hint ? `${fieldId(name)}-hint` : null, error ? `${fieldId(name)}-error` : null].filter(Boolean);
  return ids.length > 0 ? ids.join(" ") : undefined;
}

type FieldProps = {
  name: string;
  label: string;
  required?: boolean;
  hint?: ReactNode;
  error?: string;
  defaultValue?: string;
  maxLength?: number;
};

function Label({ name, label, required }: Pick<FieldProps, "name" | "label" | "required">) {
  return (
    <label htmlFor={fieldId(name)}>
      {label}
      {required ? <span aria-hidden="true"> *</span> : null}
    </label>
  );
}

function Hint({ name, hint }: Pick<FieldProps, "name" | "hint">) {
  return hint ? (
    <p id={`${fieldId(name)}-hint`} className="field__hint">
      {hint}
    </p>
  ) : null;
}

export function InputField({
  type = "text",
  autoComplete,
  inputMode,
  min,
  max,
  size,
  ...field
}: FieldProps & {
  type?: "text" | "email" | "url" | "date" | "time" | "datetime-local" | "number";
  autoComplete?: string;
  inputMode?: "numeric" | "text";
  min?: number;
  max?: number;
  size?: "short" | "medium";
}) {
  return (
    <div className={`field${field.error ? " field--error" : ""}${size ? ` field--${size}` : ""}`}>
      <Label {...field} />
      <Hint {...field} />
      <FieldError name={field.name} error={field.error} />
      <input
        id={fieldId(field.name)}
        name={field.name}
        type={type}
        required={field.required}
        defaultValue={field.defaultValue}
        maxLength={field.maxLength}
        autoComplete={autoComplete}
        inputMode={inputMode}
        min={min}
        max={max}
        spellCheck={type === "email" || type === "url" ? false : undefined}
        aria-invalid={field.error ? true : undefined}
        aria-describedby={describedBy(field.name, field.hint, field.error)}
      />
    </div>
  );
}

export function TextAreaField({ rows = 5, ...field }: FieldProps & { rows?: number }) {
  return (
    <div className={`field${field.error ? " field--error" : ""}`}>
      <Label {...field} />
      <Hint {...field} />
      <FieldError name={field.name} error={field.error} />
      <textarea
        id={fieldId(field.name)}
        name={field.name}
        rows={rows}
        required={field.required}
        defaultValue={field.defaultValue}
        maxLength={field.maxLength}
        aria-invalid={field.error ? true : undefined}
        aria-describedby={describedBy(field.name, field.hint, field.error)}
      />
    </div>
  );
}

/** The optional English texts of a form, grouped under one legend with a hint tied to the group. */
export function EnglishVersionFieldset({ hintId, legend, hint, children }: { hintId: string; legend: string; hint: string; children: ReactNode }) {
  return (
    <fieldset className="field" aria-describedby={hintId}>
      <legend>{legend}</legend>
      <p id={hintId} className="field__hint">
        {hint}
      </p>
      {children}
    </fieldset>
  );
}
