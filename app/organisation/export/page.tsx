import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { SelectionFilterFields } from "@/components/selection-filter-fields";
import { AuthorizationError, NotFoundError } from "@/lib/auth/authorisation";
import { organiserRead } from "@/lib/auth/organiser-action";
import { exportStatuses, parseExportFilter } from "@/lib/export/export-filter";
import { countExportableRegistrations, listExportChoices } from "@/lib/export/queries";
import { isLocale } from "@/lib/i18n/catalogue";
import { formatInstant } from "@/lib/time/format";
import { AdminNav } from "../admin/_components/admin-nav";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("export.page");
  return { title: t("title") };
}

const path = "/organisation/export";
// Downloads are posted (docs/decisions/0016): the filter fields go along in the body.
const downloadPath = "/organisation/export/anmeldungen";

export default async function ExportPage({ searchParams }: Props) {
  const filter = parseExportFilter(await searchParams);
  const requested = await getLocale();
  const locale = isLocale(requested) ? requested : "de";
  const { choices, count, role } = await organiserRead(async (actor) => {
    const choices = await listExportChoices(actor);
    // A filter naming someone else's workshop counts nothing; the download refuses it too.
    const count = await countExportableRegistrations(actor, filter, locale).catch((error: unknown) => {
      if (error instanceof AuthorizationError || error instanceof NotFoundError) return null;
      throw error;
    });
    return { choices, count, role: actor.role };
  }, path);
  const t = await getTranslations("export");
  const statuses = await getTranslations("export.status");

  return (
    <>
      {role === "ADMIN" ? <AdminNav current="export" /> : null}
      <h1>{t("page.title")}</h1>
      <p className="lead">{t("page.intro")}</p>
      <p className="notice">
        <strong>{choices.reach === "assigned" ? t("page.reachAssigned") : t("page.reachAll")}</strong>
      </p>
      {choices.workshops.length === 0 ? (
        <p>{t("page.noWorkshops")}</p>
      ) : (
        <form method="get" action={path} className="org-filter">
          <fieldset>
            <legend>{t("page.filterLegend")}</legend>
            <SelectionFilterFields
              idPrefix="export"
              namespace="export.page"
              choices={choices}
              filter={filter}
              sessionWhen={(session) => formatInstant(session.startsAt, session.timeZone, locale)}
            />
            <div className="field">
              <label htmlFor="export-status">{t("page.status")}</label>
              <select id="export-status" name="status" defaultValue={filter.status ?? ""}>
                <option value="">{t("page.allStatuses")}</option>
                {exportStatuses.map((status) => (
                  <option key={status} value={status}>
                    {statuses(status)}
                  </option>
                ))}
              </select>
            </div>
            <div className="org-actions">
              <button type="submit" className="button button--quiet">
                {t("page.apply")}
              </button>
              <Link href={path}>{t("page.reset")}</Link>
            </div>
            <p role="status" className="org-note">
              {count === null ? t("page.forbidden") : t("page.count", { count })}
            </p>
          </fieldset>
          <fieldset>
            <legend>{t("page.downloadLegend")}</legend>
            <p id="export-download-hint" className="field__hint">
              {t("page.downloadHint")}
            </p>
            <div className="org-actions">
              <button
                type="submit"
                formAction={downloadPath}
                formMethod="post"
                name="format"
                value="xlsx"
                className="button"
                aria-describedby="export-download-hint"
              >
                {t("page.xlsx")}
              </button>
              <button
                type="submit"
                formAction={downloadPath}
                formMethod="post"
                name="format"
                value="csv-semicolon"
                className="button"
                aria-describedby="export-download-hint"
              >
                {t("page.csvSemicolon")}
              </button>
              <button
                type="submit"
                formAction={downloadPath}
                formMethod="post"
                name="format"
                value="csv"
                className="button"
                aria-describedby="export-download-hint"
              >
                {t("page.csvComma")}
              </button>
            </div>
          </fieldset>
        </form>
      )}
      <p className="meta">{t("page.anonymised")}</p>
      <p className="meta">{t("page.personalData")}</p>
    </>
  );
}
