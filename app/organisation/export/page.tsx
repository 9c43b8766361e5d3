import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
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
  const titles = new Map(choices.workshops.map((workshop) => [workshop.id, workshop.title]));
  const sessionLabel = (session: (typeof choices.sessions)[number]) => {
    const when = formatInstant(session.startsAt, session.timeZone, locale);
    return session.cancelled ? t("page.cancelledSession", { when }) : when;
  };

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
            {choices.programmes.length > 1 ? (
              <div className="field">
                <label htmlFor="export-programme">{t("page.programme")}</label>
                <select id="export-programme" name="programmeId" defaultValue={filter.programmeId ?? ""}>
                  <option value="">{t("page.allProgrammes")}</option>
                  {choices.programmes.map((programme) => (
                    <option key={programme.id} value={programme.id}>
                      {programme.name}
                    </option>
                  ))}
                </select>
              </div>
            ) : null}
            <div className="field-row">
              <div className="field">
                <label htmlFor="export-workshop">{t("page.workshop")}</label>
                <select id="export-workshop" name="workshopId" defaultValue={filter.workshopId ?? ""}>
                  <option value="">{t("page.allWorkshops")}</option>
                  {choices.workshops.map((workshop) => (
                    <option key={workshop.id} value={workshop.id}>
                      {workshop.title}
                    </option>
                  ))}
                </select>
              </div>
              <div className="field">
                <label htmlFor="export-session">{t("page.session")}</label>
                <select id="export-session" name="sessionId" defaultValue={filter.sessionId ?? ""}>
                  <option value="">{t("page.allSessions")}</option>
                  {choices.workshops.map((workshop) => {
                    const sessions = choices.sessions.filter((session) => session.workshopId === workshop.id);
                    return sessions.length > 0 ? (
                      <optgroup key={workshop.id} label={titles.get(workshop.id)}>
                        {sessions.map((session) => (
                          <option key={session.id} value={session.id}>
                            {sessionLabel(session)}
                          </option>
                        ))}
                      </optgroup>
                    ) : null;
                  })}
                </select>
              </div>
            </div>
            <p id="export-date-hint" className="field__hint">
              {t("page.dateHint")}
            </p>
            <div className="field-row">
              <div className="field">
                <label htmlFor="export-from">{t("page.from")}</label>
                <input id="export-from" name="from" type="date" defaultValue={filter.from} aria-describedby="export-date-hint" />
              </div>
              <div className="field">
                <label htmlFor="export-to">{t("page.to")}</label>
                <input id="export-to" name="to" type="date" defaultValue={filter.to} aria-describedby="export-date-hint" />
              </div>
            </div>
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
