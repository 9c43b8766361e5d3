import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { AuditActionLabel, AuditDetails } from "@/components/audit-details";
import { auditFilterSchema, readSearchParams } from "@/lib/admin/schema";
import { auditActionLabelKey, isAuditSubjectType } from "@/lib/audit/actions";
import { listAuditActions, listAuditEvents } from "@/lib/audit/queries";
import { organiserRead } from "@/lib/auth/organiser-action";
import { isLocale } from "@/lib/i18n/catalogue";
import { formatInstant } from "@/lib/time/format";
import { AdminNav } from "../_components/admin-nav";
import { ScrollRegion } from "@/components/scroll-region";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("admin.audit");
  return { title: t("title") };
}

const path = "/organisation/admin/protokoll";

export default async function AuditLogPage({ searchParams }: Props) {
  const query = readSearchParams(await searchParams);
  const filter = auditFilterSchema.parse({ actor: query.wer, action: query.aktion, from: query.von, to: query.bis, before: query.vor, after: query.nach });
  const { page, actions } = await organiserRead(
    async (actor) => ({ page: await listAuditEvents(actor, filter), actions: await listAuditActions(actor) }),
    path,
  );
  const t = await getTranslations("admin.audit");
  const actionLabel = (action: string) => {
    const key = auditActionLabelKey(action);
    return key ? t(key) : action;
  };
  const requested = await getLocale();
  const locale = isLocale(requested) ? requested : "de";

  const link = (cursor: Record<string, string>): typeof path | `${typeof path}?${string}` => {
    const params = new URLSearchParams();
    if (filter.actor) params.set("wer", filter.actor);
    if (filter.action) params.set("aktion", filter.action);
    if (filter.from) params.set("von", filter.from);
    if (filter.to) params.set("bis", filter.to);
    for (const [name, value] of Object.entries(cursor)) params.set(name, value);
    const search = params.toString();
    return search ? `${path}?${search}` : path;
  };

  return (
    <>
      <AdminNav current="audit" />
      <h1>{t("title")}</h1>
      <p className="lead">{t("intro")}</p>
      <form method="get" action={path} className="org-filter">
        <fieldset>
          <legend>{t("filterLegend")}</legend>
          <div className="field-row">
            <div className="field">
              <label htmlFor="audit-actor">{t("actor")}</label>
              <input id="audit-actor" name="wer" type="search" defaultValue={filter.actor} maxLength={254} spellCheck={false} />
            </div>
            <div className="field">
              <label htmlFor="audit-action">{t("action")}</label>
              <select id="audit-action" name="aktion" defaultValue={filter.action ?? ""}>
                <option value="">{t("allActions")}</option>
                {actions.map((action) => (
                  <option key={action} value={action}>
                    {actionLabel(action)}
                  </option>
                ))}
              </select>
            </div>
          </div>
          <div className="field-row">
            <div className="field">
              <label htmlFor="audit-from">{t("from")}</label>
              <input id="audit-from" name="von" type="date" defaultValue={filter.from} />
            </div>
            <div className="field">
              <label htmlFor="audit-to">{t("to")}</label>
              <input id="audit-to" name="bis" type="date" defaultValue={filter.to} />
            </div>
          </div>
          <div className="org-actions">
            <button type="submit" className="button">
              {t("apply")}
            </button>
            <Link href={path}>{t("reset")}</Link>
          </div>
        </fieldset>
      </form>

      <p role="status">{t("shown", { count: page.entries.length })}</p>
      {page.entries.length === 0 ? (
        <p>{t("empty")}</p>
      ) : (
        <ScrollRegion label={t("caption")}>
          <table className="audit-table">
            <caption className="visually-hidden">{t("caption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("columns.time")}</th>
                <th scope="col">{t("columns.actor")}</th>
                <th scope="col">{t("columns.action")}</th>
                <th scope="col">{t("columns.subject")}</th>
                <th scope="col">{t("columns.details")}</th>
              </tr>
            </thead>
            <tbody>
              {page.entries.map((entry) => (
                <tr key={entry.id}>
                  <td>
                    <time dateTime={entry.createdAt.toISOString()}>{formatInstant(entry.createdAt, "Europe/Berlin", locale)}</time>
                  </td>
                  <td className={entry.actorEmail ? "org-break" : undefined}>{entry.actorEmail ?? t("system")}</td>
                  <td>
                    <AuditActionLabel action={entry.action} />
                  </td>
                  <td>
                    {isAuditSubjectType(entry.subjectType) ? t(`subjectTypes.${entry.subjectType}`) : entry.subjectType}
                    {entry.subjectId ? (
                      <>
                        <br />
                        <span className="meta org-break">{entry.subjectId}</span>
                      </>
                    ) : null}
                  </td>
                  <td>
                    <AuditDetails details={entry.details} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
      {page.newer || page.older || filter.before || filter.after ? (
        <nav aria-label={t("pagination")}>
          <ul className="org-links">
            {filter.before || filter.after ? (
              <li>
                <Link href={link({})}>{t("newest")}</Link>
              </li>
            ) : null}
            {page.newer ? (
              <li>
                <Link href={link({ nach: page.newer })}>{t("newer")}</Link>
              </li>
            ) : null}
            {page.older ? (
              <li>
                <Link href={link({ vor: page.older })}>{t("older")}</Link>
              </li>
            ) : null}
          </ul>
        </nav>
      ) : null}
    </>
  );
}
