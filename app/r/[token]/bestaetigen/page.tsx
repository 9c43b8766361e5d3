import type { Metadata } from "next";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { ManageNeutral } from "@/components/manage-neutral";
import { clientIp } from "@/lib/http/client-ip";
import { getCurrentProgramme } from "@/lib/programmes/queries";
import { resolveManageToken } from "@/lib/registrations/manage-access";
import { getManagedRegistration } from "@/lib/registrations/manage-queries";
import { formatDate } from "@/lib/time/format";
import { confirmEmailAction } from "../actions";

type Props = { params: Promise<{ token: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("manage"))("confirm.title"), robots: { index: false, follow: false }, referrer: "no-referrer" };
}

/**
 * The double opt-in link lands here. Confirming needs a button press (a POST):
 * mail scanners that open links must not confirm on the person's behalf.
 */
export default async function ConfirmEmailPage({ params }: Props) {
  const { token } = await params;
  const t = await getTranslations("manage");
  const locale = await getLocale();
  const access = await resolveManageToken(token, clientIp(await headers()));
  const registration = typeof access === "string" ? null : await getManagedRegistration(token);
  if (!registration) {
    const programme = await getCurrentProgramme();
    return <ManageNeutral contactEmail={programme?.contactEmail ?? null} rateLimited={access === "rate-limited"} />;
  }
  if (registration.awaiting !== "email") redirect(`/r/${token}`);
  return (
    <>
      <h1>{t("confirm.title")}</h1>
      <p>{t("confirm.text", { workshop: registration.workshop.title, date: formatDate(registration.session.startsAt, registration.session.timeZone, locale) })}</p>
      <form action={confirmEmailAction}>
        <input type="hidden" name="token" value={token} />
        <button type="submit" className="button button--large">{t("confirm.button")}</button>
      </form>
    </>
  );
}
