// Accessible form fields: label, hint and error tied to the control with
// aria-describedby. Presentational; usable from server and client components.
import type { ReactNode } from "react";

export function fieldId(name: string): string {
  return `field-${name.replace(/[^A-Za-z0-9_-]/g, "-")}`;
}

function describedBy(name: string, hint?: ReactNode, error?: string): string | undefined {
  const ids = [hint ? `${fieldId(name)}-hint` : null, error ? `${fieldId(name)}-error` : null].filter(Boolean);
  return ids.length > 0 ? ids.join(" ") : undefined;
}

function Hint({ name, hint }: { name: string; hint?: ReactNode }) {
  return hint ? (
    <p id={`${fieldId(name)}-hint`} className="field__hint">
      {hint}
    </p>
  ) : null;
}

export function FieldError({ name, error }: { name: string; error?: string }) {
  return error ? (
    <p id={`${fieldId(name)}-error`} className="field__error">
      {error}
    </p>
  ) : null;
}

type TextFieldProps = {
  name: string;
  label: string;
  required?: boolean;
  hint?: ReactNode;
  error?: string;
  defaultValue?: string;
  type?: "text" | "email";
  autoComplete?: string;
  maxLength?: number;
  multiline?: boolean;
};

export function TextField({ name, label, required, hint, error, defaultValue, type = "text", autoComplete, maxLength, multiline }: TextFieldProps) {
  const common = {
    id: fieldId(name),
    name,
    required,
    defaultValue,
    maxLength,
    "aria-invalid": error ? true : undefined,
    "aria-describedby": describedBy(name, hint, error),
  } as const;
  return (
    <div className={`field${error ? " field--error" : ""}`}>
      <label htmlFor={fieldId(name)}>
        {label}
        {required ? <span aria-hidden="true"> *</span> : null}
      </label>
      <Hint name={name} hint={hint} />
      <FieldError name={name} error={error} />
      {multiline ? (
        <textarea rows={4} {...common} />
      ) : (
        <input type={type} autoComplete={autoComplete} spellCheck={type === "email" ? false : undefined} {...common} />
      )}
    </div>
  );
}

type Option = { value: string; label: string };

export function SelectField({
  name,
  label,
  options,
  required,
  error,
  defaultValue,
  placeholder,
}: {
  name: string;
  label: string;
  options: Option[];
  required?: boolean;
  error?: string;
  defaultValue?: string;
  placeholder: string;
}) {
  return (
    <div className={`field${error ? " field--error" : ""}`}>
      <label htmlFor={fieldId(name)}>
        {label}
        {required ? <span aria-hidden="true"> *</span> : null}
      </label>
      <FieldError name={name} error={error} />
      <select
        id={fieldId(name)}
        name={name}
        required={required}
        defaultValue={defaultValue ?? ""}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(name, undefined, error)}
      >
        <option value="">{placeholder}</option>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/** Radio buttons or checkboxes in a fieldset; the legend names the group. */
export function ChoiceGroup({
  name,
  legend,
  options,
  multiple,
  required,
  error,
  defaultValue,
}: {
  name: string;
  legend: string;
  options: Option[];
  multiple?: boolean;
  required?: boolean;
  error?: string;
  defaultValue?: string | string[];
}) {
  const chosen = new Set(Array.isArray(defaultValue) ? defaultValue : defaultValue ? [defaultValue] : []);
  return (
    <fieldset
      id={fieldId(name)}
      className={`field choice-group${error ? " field--error" : ""}`}
      aria-describedby={describedBy(name, undefined, error)}
      tabIndex={-1}
    >
      <legend>
        {legend}
        {required ? <span aria-hidden="true"> *</span> : null}
      </legend>
      <FieldError name={name} error={error} />
      {options.map((option) => (
        <div key={option.value} className="choice">
          <input
            type={multiple ? "checkbox" : "radio"}
            id={`${fieldId(name)}-${option.value}`}
            name={name}
            value={option.value}
            defaultChecked={chosen.has(option.value)}
          />
          <label htmlFor={`${fieldId(name)}-${option.value}`}>{option.label}</label>
        </div>
      ))}
    </fieldset>
  );
}

export function CheckboxField({
  name,
  label,
  required,
  error,
  defaultChecked,
  children,
}: {
  name: string;
  label: ReactNode;
  required?: boolean;
  error?: string;
  defaultChecked?: boolean;
  children?: ReactNode;
}) {
  return (
    <div className={`field checkbox-field${error ? " field--error" : ""}`}>
      <FieldError name={name} error={error} />
      <div className="choice">
        <input
          type="checkbox"
          id={fieldId(name)}
          name={name}
          required={required}
          defaultChecked={defaultChecked}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy(name, undefined, error)}
        />
        <label htmlFor={fieldId(name)}>
          {label}
          {required ? <span aria-hidden="true"> *</span> : null}
        </label>
      </div>
      {children}
    </div>
  );
}

/** Lists all errors with links to their fields; takes focus when shown. */
export function ErrorSummary({
  title,
  errors,
  summaryRef,
}: {
  title: string;
  errors: { name: string; message: string }[];
  summaryRef?: React.Ref<HTMLDivElement>;
}) {
  if (errors.length === 0) return null;
  return (
    <div className="error-summary" role="alert" aria-labelledby="error-summary-title" tabIndex={-1} ref={summaryRef} autoFocus>
      <h2 id="error-summary-title">{title}</h2>
      <ul>
        {errors.map((error) => (
          <li key={error.name}>
            <a href={`#${fieldId(error.name)}`}>{error.message}</a>
          </li>
        ))}
      </ul>
    </div>
  );
}
