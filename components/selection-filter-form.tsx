import type { Route } from "next";
import type { ReactNode } from "react";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { SelectionFilterFields, type SelectionFilterFieldsProps } from "./selection-filter-fields";

type Props = SelectionFilterFieldsProps & {
  /** The page itself: the selection is a GET to it, "reset" links to it. */
  path: Route;
  className: string;
  legend: string;
  /** Fields of this page only, after the shared selection (the export's status). */
  extraFields?: ReactNode;
  /** Below the selection's buttons (the export's count). */
  afterActions?: ReactNode;
  /** The files made from the selection: posted (docs/decisions/0016), so the fields go along in the body. */
  downloads: { legend: string; hint: string; action: string; formats: { value: string; label: string }[] };
};

/**
 * The selection form of the dashboard and the export page: the shared
 * selection fields with "apply" and "reset", then the download buttons that
 * post the same fields elsewhere. Works without JavaScript.
 */
export async function SelectionFilterForm({ path, className, legend, extraFields, afterActions, downloads, ...fields }: Props) {
  const t = await getTranslations(fields.namespace);
  const hintId = `${fields.idPrefix}-download-hint`;
  return (
    <form method="get" action={path} className={className}>
      <fieldset>
        <legend>{legend}</legend>
        <SelectionFilterFields {...fields} />
        {extraFields}
        <div className="org-actions">
          <button type="submit" className="button button--quiet">
            {t("apply")}
          </button>
          <Link href={path}>{t("reset")}</Link>
        </div>
        {afterActions}
      </fieldset>
      <fieldset>
        <legend>{downloads.legend}</legend>
        <p id={hintId} className="field__hint">
          {downloads.hint}
        </p>
        <div className="org-actions">
          {downloads.formats.map((format) => (
            <button
              key={format.value}
              type="submit"
              formAction={downloads.action}
              formMethod="post"
              name="format"
              value={format.value}
              className="button"
              aria-describedby={hintId}
            >
              {format.label}
            </button>
          ))}
        </div>
      </fieldset>
    </form>
  );
}
