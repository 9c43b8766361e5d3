import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { SelectionFilterForm } from "@/components/selection-filter-form";
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
        <SelectionFilterForm
          path={path}
          className="org-filter"
          legend={t("page.filterLegend")}
          idPrefix="export"
          namespace="export.page"
          choices={choices}
          filter={filter}
          sessionWhen={(session) => formatInstant(session.startsAt, session.timeZone, locale)}
          extraFields={
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
          }
          afterActions={
            <p role="status" className="org-note">
              {count === null ? t("page.forbidden") : t("page.count", { count })}
            </p>
          }
          downloads={{
            legend: t("page.downloadLegend"),
            hint: t("page.downloadHint"),
            action: downloadPath,
            formats: [
              { value: "xlsx", label: t("page.xlsx") },
              { value: "csv-semicolon", label: t("page.csvSemicolon") },
              { value: "csv", label: t("page.csvComma") },
            ],
          }}
        />
      )}
      <p className="meta">{t("page.anonymised")}</p>
      <p className="meta">{t("page.personalData")}</p>
    </>
  );
}
