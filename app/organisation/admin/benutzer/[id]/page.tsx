import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { ChoiceGroup } from "@/components/form-fields";
import { getUserForAdmin, listWorkshopChoices } from "@/lib/admin/queries";
import { userRoles } from "@/lib/admin/schema";
import { organiserRead } from "@/lib/auth/organiser-action";
import { isLocale } from "@/lib/i18n/catalogue";
import { readFlash } from "@/lib/organiser/flash";
import { formatInstant } from "@/lib/time/format";
import { AdminFlash } from "../../_components/admin-flash";
import { AdminNav } from "../../_components/admin-nav";
import { submitDeactivation, submitInvitationResend, submitReactivation, submitRole, submitWorkshops } from "./actions";

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const user = await organiserRead(async (actor) => getUserForAdmin(actor, (await params).id));
  return { title: user.email };
}

export default async function UserPage({ params, searchParams }: Props) {
  const { id } = await params;
  const path = `/organisation/admin/benutzer/${id}`;
  const [{ user, workshops, me }, query] = await Promise.all([
    organiserRead(async (actor) => ({ user: await getUserForAdmin(actor, id), workshops: await listWorkshopChoices(actor), me: actor }), path),
    searchParams,
  ]);
  const t = await getTranslations("admin");
  const requested = await getLocale();
  const locale = isLocale(requested) ? requested : "de";
  const when = (instant: Date) => formatInstant(instant, "Europe/Berlin", locale);
  const assigned = user.workshops.map((workshop) => workshop.id);
  return (
    <>
      <p>
        <Link href="/organisation/admin/benutzer">{t("user.back")}</Link>
      </p>
      <AdminNav current="users" />
      <h1>
        <span className="org-break">{user.email}</span>
        {user.name ? <span className="org-subtitle">{user.name}</span> : null}
      </h1>
      <AdminFlash flash={readFlash(query)} />
      <dl className="facts">
        <dt>{t("user.facts.role")}</dt>
        <dd>{t(`users.roles.${user.role}`)}</dd>
        <dt>{t("user.facts.state")}</dt>
        <dd>{user.active ? t("users.active") : t("users.inactive")}</dd>
        <dt>{t("user.facts.lastSignIn")}</dt>
        <dd>{user.lastSignInAt ? when(user.lastSignInAt) : t("users.never")}</dd>
        <dt>{t("user.facts.sessions")}</dt>
        <dd>{user.openSessions}</dd>
        <dt>{t("user.facts.createdAt")}</dt>
        <dd>{when(user.createdAt)}</dd>
      </dl>

      <section aria-labelledby="role-heading">
        <h2 id="role-heading">{t("user.roleHeading")}</h2>
        <form action={submitRole} className="org-form">
          <input type="hidden" name="userId" value={user.id} />
          <fieldset className="field choice-group">
            <legend className="visually-hidden">{t("user.roleHeading")}</legend>
            {userRoles.map((role) => (
              <div key={role} className="choice">
                <input type="radio" id={`role-${role}`} name="role" value={role} defaultChecked={user.role === role} aria-describedby={`role-${role}-hint`} />
                <div>
                  <label htmlFor={`role-${role}`}>{t(`users.roles.${role}`)}</label>
                  <p id={`role-${role}-hint`} className="field__hint">
                    {t(`users.roleHints.${role}`)}
                  </p>
                </div>
              </div>
            ))}
          </fieldset>
          <button type="submit" className="button">
            {t("user.roleSubmit")}
          </button>
        </form>
      </section>

      <section aria-labelledby="workshops-heading">
        <h2 id="workshops-heading">{t("user.workshopsHeading")}</h2>
        <p>{user.role === "ADMIN" ? t("user.workshopsAdmin") : t("user.workshopsIntro")}</p>
        {workshops.length === 0 ? (
          <p>{t("user.noWorkshopsExist")}</p>
        ) : (
          <form action={submitWorkshops} className="org-form">
            <input type="hidden" name="userId" value={user.id} />
            <ChoiceGroup
              name="workshopIds"
              legend={t("user.workshopsLegend")}
              multiple
              options={workshops.map((workshop) => ({ value: workshop.id, label: workshop.title }))}
              defaultValue={assigned}
            />
            <button type="submit" className="button">
              {t("user.workshopsSubmit")}
            </button>
          </form>
        )}
      </section>

      {user.active ? (
        <>
          <section aria-labelledby="invitation-heading">
            <h2 id="invitation-heading">{t("user.invitationHeading")}</h2>
            <p>{t("user.invitationIntro")}</p>
            <form action={submitInvitationResend}>
              <input type="hidden" name="userId" value={user.id} />
              <button type="submit" className="button button--quiet">
                {t("user.resend")}
              </button>
            </form>
          </section>
          <section aria-labelledby="access-heading">
            <h2 id="access-heading">{t("user.accessHeading")}</h2>
            <p>{t("user.deactivateIntro")}</p>
            {user.id === me.id ? (
              <p className="notice">{t("user.ownAccount")}</p>
            ) : (
              <details className="org-confirm">
                <summary>{t("user.deactivate")}</summary>
                <form action={submitDeactivation}>
                  <input type="hidden" name="userId" value={user.id} />
                  <button type="submit" className="button button--danger">
                    {t("user.deactivateConfirm", { email: user.email })}
                  </button>
                </form>
              </details>
            )}
          </section>
        </>
      ) : (
        <section aria-labelledby="access-heading">
          <h2 id="access-heading">{t("user.reactivateHeading")}</h2>
          <p>{t("user.reactivateIntro")}</p>
          <form action={submitReactivation}>
            <input type="hidden" name="userId" value={user.id} />
            <button type="submit" className="button">
              {t("user.reactivate")}
            </button>
          </form>
        </section>
      )}
    </>
  );
}
