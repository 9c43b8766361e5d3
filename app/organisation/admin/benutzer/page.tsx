import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { listUsers, listWorkshopChoices } from "@/lib/admin/queries";
import { INVITATION_HOURS } from "@/lib/admin/sign-in-link";
import { organiserRead } from "@/lib/auth/organiser-action";
import { isLocale } from "@/lib/i18n/catalogue";
import { readFlash } from "@/lib/organiser/flash";
import { formatInstant } from "@/lib/time/format";
import { AdminFlash } from "../_components/admin-flash";
import { AdminNav } from "../_components/admin-nav";
import { submitInvitation } from "./actions";
import { InviteForm } from "./invite-form";
import { ScrollRegion } from "@/components/scroll-region";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("admin.users");
  return { title: t("title") };
}

export default async function UsersPage({ searchParams }: Props) {
  const path = "/organisation/admin/benutzer";
  const [{ users, workshops, me }, query] = await Promise.all([
    organiserRead(async (actor) => ({ users: await listUsers(actor), workshops: await listWorkshopChoices(actor), me: actor }), path),
    searchParams,
  ]);
  const t = await getTranslations("admin");
  const requested = await getLocale();
  const locale = isLocale(requested) ? requested : "de";
  const when = (instant: Date) => formatInstant(instant, "Europe/Berlin", locale);
  return (
    <>
      <AdminNav current="users" />
      <h1>{t("users.title")}</h1>
      <p className="lead">{t("users.intro")}</p>
      <AdminFlash flash={readFlash(query)} />
      <ScrollRegion label={t("users.caption")}>
        <table>
          <caption className="visually-hidden">{t("users.caption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("users.columns.person")}</th>
              <th scope="col">{t("users.columns.role")}</th>
              <th scope="col">{t("users.columns.state")}</th>
              <th scope="col">{t("users.columns.workshops")}</th>
              <th scope="col">{t("users.columns.lastSignIn")}</th>
              <th scope="col">{t("users.columns.actions")}</th>
            </tr>
          </thead>
          <tbody>
            {users.map((user) => (
              <tr key={user.id}>
                <th scope="row">
                  {user.name ? (
                    <>
                      {user.name}
                      <br />
                    </>
                  ) : null}
                  <span className={user.name ? "meta org-break" : "org-break"}>{user.email}</span>{" "}
                  {user.id === me.id ? <span className="meta">{t("users.you")}</span> : null}
                </th>
                <td>{t(`users.roles.${user.role}`)}</td>
                <td>
                  <span className={user.active ? "org-status--confirmed" : "org-status--cancelled"}>
                    {user.active ? t("users.active") : t("users.inactive")}
                  </span>
                  {user.active && user.openSessions > 0 ? (
                    <>
                      <br />
                      <span className="meta">{t("users.openSessions", { count: user.openSessions })}</span>
                    </>
                  ) : null}
                </td>
                <td>
                  {user.role === "ADMIN"
                    ? t("users.allWorkshops")
                    : user.workshops.length > 0
                      ? user.workshops.map((workshop) => workshop.title).join(", ")
                      : t("users.noWorkshops")}
                </td>
                <td>{user.lastSignInAt ? when(user.lastSignInAt) : t("users.never")}</td>
                <td>
                  <Link href={`${path}/${user.id}`}>
                    {t("users.edit")}
                    <span className="visually-hidden"> ({user.email})</span>
                  </Link>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>

      <section aria-labelledby="invite-heading">
        <h2 id="invite-heading">{t("invite.heading")}</h2>
        <p>{t("invite.intro", { hours: INVITATION_HOURS })}</p>
        <InviteForm action={submitInvitation} workshops={workshops.map(({ id, title }) => ({ id, title }))} />
      </section>
    </>
  );
}
