import { getLocale, getTranslations } from "next-intl/server";
import type { OrganiserSessionDetail } from "@/lib/sessions/organiser-queries";
import { formatInstant } from "@/lib/time/format";
import { SessionWhen } from "./organiser-session-when";

export async function SessionFacts({ session }: { session: OrganiserSessionDetail }) {
  const t = await getTranslations("organiser");
  const locale = await getLocale();
  const at = (instant: Date) => formatInstant(instant, session.timeZone, locale);
  const window =
    session.registrationOpensAt && session.registrationClosesAt
      ? t("session.windowFromUntil", { from: at(session.registrationOpensAt), until: at(session.registrationClosesAt) })
      : session.registrationOpensAt
        ? t("session.windowFrom", { from: at(session.registrationOpensAt) })
        : session.registrationClosesAt
          ? t("session.windowUntil", { until: at(session.registrationClosesAt) })
          : t("session.windowOpen");
  return (
    <dl className="facts" aria-label={t("session.facts")}>
      <dt>{t("session.when")}</dt>
      <dd>
        <SessionWhen session={session} />
      </dd>
      <dt>{t("session.format")}</dt>
      <dd>{t(`format.${session.format}`)}</dd>
      {session.format === "ONLINE" ? (
        <>
          <dt>{t("session.joinUrl")}</dt>
          <dd className="org-break">{session.joinUrl ?? "–"}</dd>
        </>
      ) : null}
      {session.location ? (
        <>
          <dt>{t("session.location")}</dt>
          <dd>{session.location}</dd>
        </>
      ) : null}
      <dt>{t("session.seats")}</dt>
      <dd>
        {t("seats", { confirmed: session.confirmedCount, capacity: session.capacity })} ·{" "}
        <span className={`fill fill--${session.fill}`}>{t(`fill.${session.fill}`)}</span>
      </dd>
      <dt>{t("session.waitlist")}</dt>
      <dd>{session.waitlistEnabled || session.waitlistCount > 0 ? t("session.waitlistCount", { count: session.waitlistCount }) : t("session.waitlistOff")}</dd>
      {session.pendingCount > 0 ? (
        <>
          <dt>{t("session.pending")}</dt>
          <dd>{session.pendingCount}</dd>
        </>
      ) : null}
      <dt>{t("session.window")}</dt>
      <dd>{window}</dd>
    </dl>
  );
}
